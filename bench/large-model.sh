#!/usr/bin/env bash
# In-process time of the publishing pipeline on large synthetic models (1,000 and 2,000 resources by default):
# build the model, validate it, render the manifest, map and serialize the compose file. Release build; warm-up
# runs, then the median of the timed runs, per phase. Figures are printed, not asserted.
#
#   bench/large-model.sh                                   # sizes 1000,2000; 9 runs after 3 warm-up runs
#   bench/large-model.sh --sizes 1000,2000,4000 --runs 15  # any Servarr.Bench arguments pass through
#   bench/large-model.sh --cold                            # one cold pass: where a short-lived publish spends its time
#   NO_BUILD=1 bench/large-model.sh                        # reuse the Release build already there
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
loadavg() { if [[ -r /proc/loadavg ]]; then cut -d' ' -f1-3 /proc/loadavg; else echo "n/a"; fi; }
PROJECT="$ROOT/bench/Servarr.Bench/Servarr.Bench.csproj"
DLL="$ROOT/bench/Servarr.Bench/bin/Release/net10.0/Servarr.Bench.dll"

if [[ "${NO_BUILD:-0}" != "1" ]]; then
    echo "Building Release (not timed)..."
    log="$(mktemp)"
    trap 'rm -f "$log"' EXIT
    dotnet build "$PROJECT" -c Release -nologo -v quiet >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
fi

[[ -f "$DLL" ]] || { echo "missing $DLL; run without NO_BUILD=1" >&2; exit 1; }
# Other work on the machine shows up in the figures: say how busy it was.
echo "load average before: $(loadavg)"
dotnet "$DLL" "$@"
echo "load average after: $(loadavg)"
