#!/usr/bin/env bash
# P1: time from start to all-healthy of the default stack with the stand-in images, for `dotnet run` of the AppHost
# (the JIT-compiled Release build, started as `dotnet Servarr.AppHost.dll run`) against `docker-compose up -d` of the
# published compose file plus waiting until every service is healthy; same images, same machine, same run. Also the
# AppHost's memory (RSS) and CPU while the stack idles. Run mode goes without the dashboard here, like compose
# (bench/dashboard.sh measures the AppHost with it).
#
#   bench/run-vs-compose.sh            # 3 rounds of each
#   ROUNDS=5 bench/run-vs-compose.sh
#
# Needs a running Docker engine, docker-compose and /bin/busybox (bash .ci/run installs them). It removes the
# stack's containers between rounds, so never run it on a machine that runs the real stack (the stand-in build
# refuses to replace real images).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${ROUNDS:-3}"
TARGET="0.8"
WORK="$(mktemp -d)"
APPHOST="$ROOT/Servarr.AppHost/bin/Release/net10.0/Servarr.AppHost.dll"
source "$ROOT/bench/stack-env.sh" "$WORK"
NAMES=("${STACK_NAMES[@]}")
cleanup() { docker rm -f "${NAMES[@]}" >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT

echo "Building (not timed)..."
dotnet build "$ROOT/Servarr.AppHost/Servarr.AppHost.csproj" -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
bash "$ROOT/Servarr.Tests/TestSupport/StandIns/build-standins.sh" >/dev/null

# Parameters for both: throw-away config and media folders, a value for every required setting.
PARAMS=("${STACK_PARAMS[@]}")

now_ms() { echo $(($(date +%s%N) / 1000000)); }
all_healthy() {
    local states
    states="$(docker inspect -f '{{.State.Status}}/{{if .State.Health}}{{.State.Health.Status}}{{end}}' "${NAMES[@]}" 2>/dev/null)" || return 1
    [[ "$(grep -c '^running/healthy$' <<<"$states")" == "${#NAMES[@]}" ]]
}
wait_healthy() { local deadline=$((SECONDS + 300)); until all_healthy; do ((SECONDS < deadline)) || { echo "not healthy in 300 s" >&2; exit 1; }; sleep 0.25; done; }
# What the AppHost itself reports (its status lines: "HH:MM:SS <resource> Running (healthy) ..."), i.e. what its user sees.
apphost_all_healthy() {
    awk -v n="${#NAMES[@]}" '/^[0-9][0-9]:[0-9][0-9]:[0-9][0-9] / { name = $2; $1 = ""; $2 = ""; last[name] = $0 }
        END { c = 0; for (k in last) if (last[k] ~ /^ *Running \(healthy\)/) c++; exit !(c == n) }' "$1"
}
wait_apphost_healthy() { local deadline=$((SECONDS + 300)); until apphost_all_healthy "$1"; do ((SECONDS < deadline)) || { echo "AppHost did not report all healthy in 300 s" >&2; exit 1; }; sleep 0.1; done; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The compose side: published once, filled like a user would.
env "${PARAMS[@]}" dotnet "$APPHOST" publish --publisher compose --output-path "$WORK/compose" >/dev/null
sed -i -E 's/^([A-Z0-9_]+)=$/\1=bench-value/' "$WORK/compose/.env"
sh "$WORK/compose/prepare-host.sh" >/dev/null

: >"$WORK/compose.ms"; : >"$WORK/run.ms"; : >"$WORK/seen.ms"; : >"$WORK/rss.kb"; : >"$WORK/cpu.pct"
for ((i = 1; i <= ROUNDS; i++)); do
    docker rm -f "${NAMES[@]}" >/dev/null 2>&1 || true
    start=$(now_ms)
    (cd "$WORK/compose" && COMPOSE_PROJECT_NAME=servarr-bench docker-compose up -d >/dev/null 2>&1)
    wait_healthy
    echo $(($(now_ms) - start)) >>"$WORK/compose.ms"
    (cd "$WORK/compose" && COMPOSE_PROJECT_NAME=servarr-bench docker-compose down -t 1 >/dev/null 2>&1)

    docker rm -f "${NAMES[@]}" >/dev/null 2>&1 || true
    start=$(now_ms)
    env "${PARAMS[@]}" dotnet "$APPHOST" run --pull never --no-dashboard >"$WORK/run.log" 2>&1 &
    pid=$!
    wait_apphost_healthy "$WORK/run.log"
    echo $(($(now_ms) - start)) >>"$WORK/seen.ms"
    wait_healthy
    echo $(($(now_ms) - start)) >>"$WORK/run.ms"
    # Idle: the stack runs, the AppHost only follows it (after the first minute, when start-up work such as the
    # runtime's background re-compilation of hot methods is over).
    sleep 30
    ticks_before=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
    sleep 30
    ticks_after=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
    awk -v a="$ticks_before" -v b="$ticks_after" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f\n", (b - a) / hz / 30 * 100 }' >>"$WORK/cpu.pct"
    awk '/^VmRSS/ { print $2 }' "/proc/$pid/status" >>"$WORK/rss.kb"
    kill -TERM "$pid" # (a background job ignores SIGINT; SIGTERM stops the AppHost the same way)
    wait "$pid" || true
done

C=$(median <"$WORK/compose.ms"); R=$(median <"$WORK/run.ms"); S=$(median <"$WORK/seen.ms"); RSS=$(median <"$WORK/rss.kb"); CPU=$(median <"$WORK/cpu.pct")
echo
echo "P1: start to all 14 services healthy, stand-in images; median of $ROUNDS rounds; $(nproc) cores"
awk -v c="$C" -v r="$R" -v s="$S" -v rss="$RSS" -v cpu="$CPU" -v t="$TARGET" 'BEGIN {
    printf "%-66s %10s\n", "", "median"
    printf "%-66s %8.1f s\n", "docker-compose up -d + wait until Docker reports all healthy", c / 1000
    printf "%-66s %8.1f s\n", "dotnet Servarr.AppHost.dll run, until the AppHost reports all healthy", s / 1000
    printf "%-66s %8.1f s\n", "dotnet Servarr.AppHost.dll run, until Docker reports all healthy", r / 1000
    printf "run (as the AppHost reports) / compose = %.2f (target <= %s): %s\n", s / c, t, (s / c <= t + 0) ? "MET" : "MISSED"
    printf "run (as Docker reports)     / compose = %.2f (target <= %s): %s\n", r / c, t, (r / c <= t + 0) ? "MET" : "MISSED"
    printf "AppHost while the stack idles: RSS %.1f MB (target <= 100), CPU %.2f %% of one core (target <= 1)\n", rss / 1024, cpu
}'
