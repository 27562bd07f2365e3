#!/usr/bin/env bash
# Wall time of publishing the default stack with the real Aspire AppHost, as whole processes (host start, JIT, model,
# pipeline, exit; never msbuild), against starting a .NET hello-world; interleaved round by round, medians.
#   hello-world:  dotnet bench/HelloWorld/bin/Release/net10.0/HelloWorld.dll
#   compose:      dotnet Servarr.AppHost.dll --operation publish --step publish-compose --output-path <tmp> --Pipeline:ClearCache=true
#   manifest:     dotnet Servarr.AppHost.dll --publisher manifest --output-path <tmp>/aspire-manifest.json
# (cwd = Servarr.AppHost, ASPIRE_INTERACTIVITY_ENABLED=false, every parameter given, as `dotnet run` would.)
#
#   bench/publish-vs-hello.sh                  # 5 timed rounds after 1 warm-up round
#   RUNS=10 WARMUP=2 bench/publish-vs-hello.sh
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
RUNS="${RUNS:-5}"
WARMUP="${WARMUP:-1}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

log "building (not timed): HelloWorld and Servarr.AppHost in Release"
for p in "$BENCH/HelloWorld/HelloWorld.csproj" "$ROOT/Servarr.AppHost/Servarr.AppHost.csproj"; do
    dotnet build "$p" -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
done
HELLO="$BENCH/HelloWorld/bin/Release/net10.0/HelloWorld.dll"
APPHOST="$ROOT/Servarr.AppHost/bin/Release/net10.0/Servarr.AppHost.dll"
stack_params "$WORK/stack"

hello() { dotnet "$HELLO" >/dev/null; }
compose() { (cd "$ROOT/Servarr.AppHost" && env "${STACK_PARAMS[@]}" ASPIRE_INTERACTIVITY_ENABLED=false dotnet "$APPHOST" \
    --operation publish --step publish-compose --output-path "$WORK/compose" --Pipeline:ClearCache=true >"$WORK/out.log" 2>&1) || { cat "$WORK/out.log"; exit 1; }; }
manifest() { (cd "$ROOT/Servarr.AppHost" && env "${STACK_PARAMS[@]}" ASPIRE_INTERACTIVITY_ENABLED=false dotnet "$APPHOST" \
    --publisher manifest --output-path "$WORK/manifest/aspire-manifest.json" >"$WORK/out.log" 2>&1) || { cat "$WORK/out.log"; exit 1; }; }
time_ms() { local s; s=$(date +%s%N); "$@"; echo $((($(date +%s%N) - s) / 100000)) | awk '{ printf "%.1f\n", $1 / 10 }'; }

for ((i = 0; i < WARMUP; i++)); do hello; compose; manifest; done
: >"$WORK/hello.ms"; : >"$WORK/compose.ms"; : >"$WORK/manifest.ms"
for ((i = 1; i <= RUNS; i++)); do
    time_ms hello >>"$WORK/hello.ms"; time_ms compose >>"$WORK/compose.ms"; time_ms manifest >>"$WORK/manifest.ms"
done
[[ -s "$WORK/compose/docker-compose.yaml" && -s "$WORK/manifest/aspire-manifest.json" ]] || { echo "publish wrote nothing" >&2; exit 1; }

H=$(median <"$WORK/hello.ms"); C=$(median <"$WORK/compose.ms"); M=$(median <"$WORK/manifest.ms")
echo
echo "publish (default stack) vs dotnet hello-world; Release; median of $RUNS runs after $WARMUP warm-up"
echo "machine: $(nproc) cores, $(uname -sr), .NET SDK $(dotnet --version); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v h="$H" -v c="$C" -v m="$M" 'BEGIN {
    printf "%-74s %10s %8s\n", "process", "median ms", "x hello"
    printf "%-74s %10.1f %8.2f\n", "hello-world (dotnet HelloWorld.dll)", h, 1
    printf "%-74s %10.1f %8.2f\n", "publish compose (--operation publish --step publish-compose)", c, c / h
    printf "%-74s %10.1f %8.2f\n", "publish manifest (--publisher manifest)", m, m / h
}'
