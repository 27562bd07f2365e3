#!/usr/bin/env bash
# Wall time of publishing the default stack in every format through the real CLI, against the time of starting a
# .NET hello-world console app, measured on this machine in this run. Both are Release builds started as
# `dotnet <app>.dll`, so what is timed is the process (host start, JIT, work, exit), never msbuild.
#
#   bench/publish-vs-hello.sh              # 10 timed rounds after 2 warm-up rounds
#   RUNS=20 WARMUP=3 bench/publish-vs-hello.sh
#   NO_BUILD=1 bench/publish-vs-hello.sh   # reuse the Release builds already there
#
# The table shows (a) publishing every format in one process (`--publisher manifest,compose`), the headline figure;
# (b) each format in its own process; (c) the same as (a) from a ReadyToRun build of the AppHost; (d) what a user
# types, `dotnet run --project ...` for both (msbuild's up-to-date check included), with fewer runs; and (e) the same
# as (a) from a Native AOT build of the AppHost (`dotnet publish -p:PublishAot=true`: a native CLI).
# Figures are printed, not asserted; the exit code is non-zero only if a build or a publish fails.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
loadavg() { if [[ -r /proc/loadavg ]]; then cut -d' ' -f1-3 /proc/loadavg; else echo "n/a"; fi; }
RUNS="${RUNS:-10}"
WARMUP="${WARMUP:-2}"
TARGET_RATIO="2.0"

APPHOST_DLL="$ROOT/Servarr.AppHost/bin/Release/net10.0/Servarr.AppHost.dll"
HELLO_DLL="$ROOT/bench/HelloWorld/bin/Release/net10.0/HelloWorld.dll"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
LOG="$WORK/last.log"

R2R_DIR="$ROOT/bench/out/apphost-r2r"
if [[ "${NO_BUILD:-0}" != "1" ]]; then
    echo "Building Release (not timed)..."
    for project in "$ROOT/Servarr.AppHost/Servarr.AppHost.csproj" "$ROOT/bench/HelloWorld/HelloWorld.csproj"; do
        dotnet build "$project" -c Release -nologo -v quiet >"$LOG" 2>&1 || { cat "$LOG" >&2; exit 1; }
    done
    # A ReadyToRun (precompiled) build; it needs the runtime pack and crossgen2 from NuGet, so it may be unavailable.
    dotnet publish "$ROOT/Servarr.AppHost/Servarr.AppHost.csproj" -c Release -r linux-x64 --self-contained false \
        -p:PublishReadyToRun=true -nologo -v quiet -o "$R2R_DIR" >"$LOG" 2>&1 || echo "ReadyToRun build unavailable (row c skipped)"
fi
R2R_DLL="$R2R_DIR/Servarr.AppHost.dll"
AOT_DIR="$ROOT/bench/out/apphost-aot"
if [[ "${NO_BUILD:-0}" != "1" ]]; then
    # Native AOT needs the ILCompiler package from NuGet and a C toolchain (clang or gcc); skipped when unavailable.
    dotnet publish "$ROOT/Servarr.AppHost/Servarr.AppHost.csproj" -c Release -r linux-x64 -p:PublishAot=true \
        -nologo -v quiet -o "$AOT_DIR" >"$LOG" 2>&1 || echo "Native AOT build unavailable (row e skipped)"
fi
AOT_EXE="$AOT_DIR/Servarr.AppHost"

for dll in "$APPHOST_DLL" "$HELLO_DLL"; do
    [[ -f "$dll" ]] || { echo "missing $dll; run without NO_BUILD=1" >&2; exit 1; }
done

# Runs one command, its output to a log; prints the elapsed wall time in microseconds. On failure shows the log.
time_us() {
    local start end
    start=$(date +%s%N)
    if ! "$@" >"$LOG" 2>&1; then
        echo "command failed: $*" >&2
        cat "$LOG" >&2
        exit 1
    fi
    end=$(date +%s%N)
    echo $(((end - start) / 1000))
}

hello() { dotnet "$HELLO_DLL"; }
publish_all() { dotnet "$APPHOST_DLL" publish --publisher manifest,compose --output-path "$WORK/out/all"; }
publish_all_r2r() { dotnet "$R2R_DLL" publish --publisher manifest,compose --output-path "$WORK/out/all-r2r"; }
publish_all_aot() { "$AOT_EXE" publish --publisher manifest,compose --output-path "$WORK/out/all-aot"; }
publish_manifest() { dotnet "$APPHOST_DLL" publish --publisher manifest --output-path "$WORK/out/aspire-manifest.json"; }
publish_compose() { dotnet "$APPHOST_DLL" publish --publisher compose --output-path "$WORK/out/compose"; }

# Median of the numbers on stdin (mean of the middle two for an even count).
median() {
    sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

LOAD_BEFORE="$(loadavg)"
echo "Warming up ($WARMUP rounds: disk cache, the first-run work of the dotnet host)..."
HAVE_R2R=0
[[ -f "$R2R_DLL" ]] && HAVE_R2R=1
HAVE_AOT=0
[[ -x "$AOT_EXE" ]] && HAVE_AOT=1
for ((i = 0; i < WARMUP; i++)); do
    time_us hello >/dev/null
    time_us publish_all >/dev/null
    time_us publish_manifest >/dev/null
    time_us publish_compose >/dev/null
    ((HAVE_R2R)) && time_us publish_all_r2r >/dev/null
    ((HAVE_AOT)) && time_us publish_all_aot >/dev/null
done

# Rounds interleave the three commands, so drift on the machine (other load, frequency changes) hits all alike.
: >"$WORK/hello" ; : >"$WORK/manifest" ; : >"$WORK/compose" ; : >"$WORK/all" ; : >"$WORK/r2r" ; : >"$WORK/aot"
echo "Timing $RUNS rounds..."
for ((i = 0; i < RUNS; i++)); do
    time_us hello >>"$WORK/hello"
    time_us publish_all >>"$WORK/all"
    time_us publish_manifest >>"$WORK/manifest"
    time_us publish_compose >>"$WORK/compose"
    if ((HAVE_R2R)); then time_us publish_all_r2r >>"$WORK/r2r"; fi
    if ((HAVE_AOT)); then time_us publish_all_aot >>"$WORK/aot"; fi
done

# (d) what a user types: `dotnet run` for both, msbuild's up-to-date check included; fewer rounds, it is slow.
RUN_ROUNDS="${RUN_ROUNDS:-3}"
: >"$WORK/run-hello" ; : >"$WORK/run-all"
for ((i = 0; i < RUN_ROUNDS; i++)); do
    time_us dotnet run -c Release --project "$ROOT/bench/HelloWorld/HelloWorld.csproj" >>"$WORK/run-hello"
    time_us dotnet run -c Release --project "$ROOT/Servarr.AppHost/Servarr.AppHost.csproj" -- publish --publisher manifest,compose \
        --output-path "$WORK/out/run" >>"$WORK/run-all"
done

# Sanity check: the last publish really wrote every file.
for f in "$WORK/out/aspire-manifest.json" "$WORK/out/compose/docker-compose.yaml" "$WORK/out/compose/.env" \
    "$WORK/out/all/aspire-manifest.json" "$WORK/out/all/docker-compose.yaml" "$WORK/out/all/.env"; do
    [[ -s "$f" ]] || { echo "publish did not write $f" >&2; exit 1; }
done

# The native build must write exactly what the JIT build writes.
if ((HAVE_AOT)); then
    for f in aspire-manifest.json docker-compose.yaml .env prepare-host.sh; do
        cmp -s "$WORK/out/all/$f" "$WORK/out/all-aot/$f" || { echo "the Native AOT build wrote a different $f" >&2; exit 1; }
    done
fi

H=$(median <"$WORK/hello")
M=$(median <"$WORK/manifest")
C=$(median <"$WORK/compose")
A=$(median <"$WORK/all")
R=0
((HAVE_R2R)) && R=$(median <"$WORK/r2r")
X=0
((HAVE_AOT)) && X=$(median <"$WORK/aot")
RH=$(median <"$WORK/run-hello")
RA=$(median <"$WORK/run-all")

echo
echo "publish (default stack, Servarr.AppHost/Program.cs) vs dotnet hello-world; Release; median of $RUNS runs"
runtime="$(dotnet --list-runtimes | awk '/^Microsoft.NETCore.App /{v=$2} END{print v}')"
echo "machine: $(nproc) cores, $(uname -sr), .NET runtime $runtime (SDK $(dotnet --version)); load average before: $LOAD_BEFORE, after: $(loadavg)"
echo
awk -v h="$H" -v m="$M" -v c="$C" -v a="$A" -v r="$R" -v x="$X" -v rh="$RH" -v ra="$RA" -v rr="$RUN_ROUNDS" -v t="$TARGET_RATIO" 'BEGIN {
    line = "-----------------------------------------------------------------------------------------------"
    printf "%-62s %10s %8s %10s\n", "process", "median ms", "x hello", "target"
    print line
    printf "%-62s %10.1f %8.2f %10s\n", "hello-world (dotnet HelloWorld.dll)", h / 1000, 1, "-"
    printf "%-62s %10.1f %8.2f %10s\n", "(a) publish all, one process (--publisher manifest,compose)", a / 1000, a / h, "<= " t "x"
    printf "%-62s %10.1f %8.2f %10s\n", "(b) publish --publisher manifest (one process)", m / 1000, m / h, "-"
    printf "%-62s %10.1f %8.2f %10s\n", "(b) publish --publisher compose (one process)", c / 1000, c / h, "-"
    if (r > 0) printf "%-62s %10.1f %8.2f %10s\n", "(c) as (a), ReadyToRun build of the AppHost", r / 1000, r / h, "-"
    else printf "%-62s %10s %8s %10s\n", "(c) as (a), ReadyToRun build of the AppHost", "n/a", "", "-"
    printf "%-62s %10.1f %8.2f %10s\n", "(d) dotnet run --project bench/HelloWorld (" rr " runs)", rh / 1000, 1, "-"
    printf "%-62s %10.1f %8.2f %10s\n", "(d) dotnet run --project Servarr.AppHost -- publish all", ra / 1000, ra / rh, "-"
    if (x > 0) printf "%-62s %10.1f %8.2f %10s\n", "(e) as (a), Native AOT build of the AppHost", x / 1000, x / h, "<= " t "x"
    else printf "%-62s %10s %8s %10s\n", "(e) as (a), Native AOT build of the AppHost", "n/a", "", "-"
    print line
    printf "publish-all / hello-world, JIT (a) = %.2fx (target <= %sx): %s\n", a / h, t, (a / h <= t + 0) ? "MET" : "MISSED"
    if (x > 0) printf "publish-all / hello-world, native (e) = %.2fx (target <= %sx): %s\n", x / h, t, (x / h <= t + 0) ? "MET" : "MISSED"
}'
