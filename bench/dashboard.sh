#!/usr/bin/env bash
# Dashboard benchmarks (issue 4): P5 state change -> upsert latency (in-process, no engine in the path), P6 console
# lines per second from one busy container through WatchResourceConsoleLogs with none lost (against `docker logs`
# of the same container), and the AppHost's RSS running the stand-in stack with the dashboard, with no client and
# with 10 clients each watching resources and every resource's console logs.
#
#   bench/dashboard.sh
#
# Needs a running Docker engine and /bin/busybox (bash .ci/run installs them). It removes the stack's containers:
# never run it where the real stack runs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d)"
APPHOST="$ROOT/Servarr.AppHost/bin/Release/net10.0/Servarr.AppHost.dll"
BENCH="$ROOT/bench/Servarr.DashboardBench/bin/Release/net10.0/Servarr.DashboardBench.dll"
source "$ROOT/bench/stack-env.sh" "$WORK"
NAMES=("${STACK_NAMES[@]}" aspire-dashboard busy)
pid=""
cleanup() { [[ -n "$pid" ]] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; docker rm -f "${NAMES[@]}" >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT

echo "Building (not timed)..."
dotnet build "$ROOT/Servarr.AppHost/Servarr.AppHost.csproj" -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
dotnet build "$ROOT/bench/Servarr.DashboardBench/Servarr.DashboardBench.csproj" -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
bash "$ROOT/Servarr.Tests/TestSupport/StandIns/build-standins.sh" >/dev/null
docker rm -f "${NAMES[@]}" >/dev/null 2>&1 || true

dotnet "$BENCH" latency
STANDIN_IMAGE="lscr.io/linuxserver/sonarr:4.0.19.2979-ls316" dotnet "$BENCH" logs 100000

# The whole stand-in stack with the dashboard (a stand-in dashboard image: it serves no UI, the clients are ours).
PARAMS=("${STACK_PARAMS[@]}")
env "${PARAMS[@]}" dotnet "$APPHOST" run --pull never >"$WORK/run.log" 2>&1 &
pid=$!
deadline=$((SECONDS + 120))
until grep -q "aspire-dashboard *Running (healthy)" "$WORK/run.log" && [[ "$(grep -c 'Running (healthy)' "$WORK/run.log")" -ge 15 ]]; do
    ((SECONDS < deadline)) || { echo "stack not healthy in 120 s" >&2; tail -20 "$WORK/run.log" >&2; exit 1; }
    sleep 0.5
done
port="$(sed -n 's/.*resource service on port \([0-9]*\).*/\1/p' "$WORK/run.log" | head -1)"
key="$(docker inspect -f '{{range .Config.Env}}{{println .}}{{end}}' aspire-dashboard | sed -n 's/^Dashboard__ResourceServiceClient__ApiKey=//p')"
rss() { awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status"; }
sleep 30
idle="$(rss)"
dotnet "$BENCH" clients "$port" "$key" 10 40 &
clients=$!
sleep 30
busy="$(rss)"
wait "$clients"
echo "AppHost RSS with the stand-in stack and the dashboard: $idle MB without clients, $busy MB with 10 clients watching resources and all console logs"
