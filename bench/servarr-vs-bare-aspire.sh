#!/usr/bin/env bash
# What Servarr's own additions cost over a bare Aspire AppHost running the same containers: start -> every container
# resource healthy, and memory (PSS) of AppHost + DCP + dashboard while the stack idles; interleaved rounds, medians.
#   Servarr: Servarr.AppHost (Servarr.Hosting: parameters, run preparation, VPN apps in gluetun's namespace, Docker
#            health commands as Aspire health checks, ...).
#   bare:    bench/BareAspire.AppHost: plain AddContainer per image of the stack, same env/ports/mounts/waits, VPN apps as
#            ordinary containers, WithHttpHealthCheck where the stand-in serves HTTP.
# Both run as `dotnet <AppHost>.dll` (Release) with the launch profile's variables, health read the same way (the
# AppHost's ResourceNotificationService Trace log, see bench/lib.sh). Targets: Servarr / bare <= 1.2 for both.
#
#   bench/servarr-vs-bare-aspire.sh            # 3 rounds of each
#   ROUNDS=5 SETTLE=30 bench/servarr-vs-bare-aspire.sh
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
ROUNDS="${ROUNDS:-3}"
SETTLE="${SETTLE:-20}"
LIMIT="${LIMIT:-300}"
TARGET=1.2
N=15
WORK="$(mktemp -d)"
PID_NOW=""
cleanup() { [[ -n "$PID_NOW" ]] && stop_aspire "$PID_NOW"; remove_standin_leftovers; docker volume rm bare-plex-transcode bare-autokuma-data bare-kopia-cache >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

log "building (not timed): Servarr.AppHost and bench/BareAspire.AppHost in Release, stand-in images"
for p in "$ROOT/Servarr.AppHost/Servarr.AppHost.csproj" "$BENCH/BareAspire.AppHost/BareAspire.AppHost.csproj"; do
    dotnet build "$p" -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
done
bash "$ROOT/Servarr.Tests/TestSupport/StandIns/build-standins.sh" >/dev/null
stack_params "$WORK/servarr"
mkdir -p "$WORK/bare/config" "$WORK/bare/media/media/tv" "$WORK/bare/media/media/movies" "$WORK/bare/media/torrents"

# run_one KIND ROUND: start, wait for all healthy, idle, read memory, stop.
run_one() {
    local kind=$1 i=$2 dir dll extra=() start dcp
    if [[ $kind == servarr ]]; then dir="$ROOT/Servarr.AppHost"; dll="$dir/bin/Release/net10.0/Servarr.AppHost.dll"; extra=("${STACK_PARAMS[@]}")
    else dir="$BENCH/BareAspire.AppHost"; dll="$dir/bin/Release/net10.0/BareAspire.AppHost.dll"; extra=("BareConfigRoot=$WORK/bare/config" "BareMediaRoot=$WORK/bare/media"); fi
    remove_standin_leftovers
    log "round $i/$ROUNDS: $kind"
    start=$(now_ms)
    (cd "$dir" && exec env "${ASPIRE_ENV[@]}" "${extra[@]}" dotnet "$dll" >"$WORK/$kind-$i.log" 2>&1) &
    PID_NOW=$!
    if wait_until "$LIMIT" "$kind: all healthy" aspire_all_healthy "$WORK/$kind-$i.log" "$N"; then
        echo $(($(now_ms) - start)) >>"$WORK/$kind.ms"
        sleep "$SETTLE"
        dcp="$(dcp_pids "$PID_NOW")"
        pss_kb "$PID_NOW" >>"$WORK/$kind-host.kb"
        pss_kb $dcp $(docker_cli_pids $dcp) >>"$WORK/$kind-dcp.kb"
        pss_kb $(dashboard_pids $dcp) >>"$WORK/$kind-dash.kb"
        echo $(( $(tail -1 "$WORK/$kind-host.kb") + $(tail -1 "$WORK/$kind-dcp.kb") + $(tail -1 "$WORK/$kind-dash.kb") )) >>"$WORK/$kind-total.kb"
    else
        aspire_health "$WORK/$kind-$i.log" >&2
    fi
    stop_aspire "$PID_NOW"; PID_NOW=""
}
for kind in servarr bare; do : >"$WORK/$kind.ms"; : >"$WORK/$kind-host.kb"; : >"$WORK/$kind-dcp.kb"; : >"$WORK/$kind-dash.kb"; : >"$WORK/$kind-total.kb"; done
for ((i = 1; i <= ROUNDS; i++)); do
    if ((i % 2)); then run_one servarr "$i"; run_one bare "$i"; else run_one bare "$i"; run_one servarr "$i"; fi
done

echo
echo "Servarr.AppHost vs a bare Aspire AppHost with the same $N containers (stand-ins); median of $ROUNDS interleaved rounds"
echo "machine: $(nproc) cores, $(uname -sr); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
m() { median <"$WORK/$1"; }
awk -v sm="$(m servarr.ms)" -v bm="$(m bare.ms)" -v sr="$(tr '\n' ' ' <"$WORK/servarr.ms")" -v br="$(tr '\n' ' ' <"$WORK/bare.ms")" \
    -v sh="$(m servarr-host.kb)" -v sd="$(m servarr-dcp.kb)" -v ss="$(m servarr-dash.kb)" -v st="$(m servarr-total.kb)" \
    -v bh="$(m bare-host.kb)" -v bd="$(m bare-dcp.kb)" -v bs="$(m bare-dash.kb)" -v bt="$(m bare-total.kb)" -v t="$TARGET" -v settle="$SETTLE" 'BEGIN {
    printf "%-44s %10s %10s %8s\n", "", "Servarr", "bare", "ratio"
    printf "%-44s %8.1f s %8.1f s %8.2f\n", "start -> all healthy", sm / 1000, bm / 1000, sm / bm
    printf "%-44s %7.0f MB %7.0f MB %8.2f\n", "PSS idle (" settle " s after): AppHost", sh / 1024, bh / 1024, sh / bh
    printf "%-44s %7.0f MB %7.0f MB %8.2f\n", "  DCP (+ its docker CLI processes)", sd / 1024, bd / 1024, sd / bd
    printf "%-44s %7.0f MB %7.0f MB %8.2f\n", "  dashboard", ss / 1024, bs / 1024, ss / bs
    printf "%-44s %7.0f MB %7.0f MB %8.2f\n", "  total", st / 1024, bt / 1024, st / bt
    printf "rounds, ms: Servarr [%s] bare [%s]\n", sr, br
    printf "start time: Servarr / bare = %.2f (target <= %s): %s\n", sm / bm, t, (sm / bm <= t + 0) ? "MET" : "MISSED"
    printf "memory:     Servarr / bare = %.2f (target <= %s): %s\n", st / bt, t, (st / bt <= t + 0) ? "MET" : "MISSED"
}'
