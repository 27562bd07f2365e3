#!/usr/bin/env bash
# Issue 16's figure in run mode: from "the app is healthy" to "the app is configured", per app and for the whole
# default stack, as `dotnet run` does it (Aspire's eventing: when an app's own health check passes, Servarr reads its
# settings and applies what differs; the pass's calls are counted). The containers are the stand-in images; each
# app's configuration goes to a fake of its API (Servarr.Tests/TestSupport/FakeAppsHost: the test fakes, which check
# every body against the app's contract and keep state), through the test hook Servarr:Testing:ConfigurationUrl.
# Each round starts the AppHost twice against the same fakes: the first start configures from scratch, the second
# finds everything as modelled — the no-change pass, which should only read.
#
#   bench/configure-run-mode.sh            # 3 rounds
#   ROUNDS=5 bench/configure-run-mode.sh
#
# Reads the AppHost's own log: "configuration of X: the app is healthy; configuring" (start) and "configuration of X
# (Apply): ... in N ms, R read(s), W write(s)" (end), each stamped by the console logger (ms).
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
ROUNDS="${ROUNDS:-3}"
LIMIT="${LIMIT:-300}"
WORK="$(mktemp -d /tmp/servarr-bench-runconf.XXXXXX)"
APID=""; FPID=""
cleanup() {
    [[ -n "$APID" ]] && stop_aspire "$APID"
    stop_fakes
    remove_standin_leftovers
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "building (not timed): Servarr.AppHost Release, stand-in images"
dotnet build "$ROOT/Servarr.AppHost/Servarr.AppHost.csproj" -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
dotnet build "$ROOT/Servarr.Tests/TestSupport/FakeAppsHost/FakeAppsHost.csproj" -c Release -nologo -v quiet >"$WORK/build-fakes.log" 2>&1 || { cat "$WORK/build-fakes.log"; exit 1; }
bash "$ROOT/Servarr.Tests/TestSupport/StandIns/build-standins.sh" >/dev/null
DLL="$ROOT/Servarr.AppHost/bin/Release/net10.0/Servarr.AppHost.dll"
stack_params "$WORK"
STACK_PARAMS+=("Parameters__wizarr-password=Bench-Wizarr-Passw0rd-2026") # generated otherwise (and kept in user secrets)

STAMP=("Logging__Console__TimestampFormat=HH:mm:ss.fff " "Logging__Console__FormatterName=simple" "Logging__Console__FormatterOptions__SingleLine=true"
    "Logging__Console__FormatterOptions__TimestampFormat=HH:mm:ss.fff ")

# ms_of HH:MM:SS.fff -> milliseconds since midnight
ms_of() { awk -F'[:.]' '{ print (($1 * 60 + $2) * 60 + $3) * 1000 + $4 }' <<<"$1"; }
started_apps() { grep -o 'configuration of [a-z0-9-]*: the app is healthy; configuring' "$1" | awk '{ print $3 }' | tr -d ':' | sort -u; }
passed_apps() { grep -o 'configuration of [a-z0-9-]* (Apply)' "$1" | awk '{ print $3 }' | sort -u; }
all_passed() { [[ -n "$(started_apps "$1")" && "$(started_apps "$1")" == "$(passed_apps "$1")" && "$(started_apps "$1" | wc -l)" -ge "$2" ]]; }

: >"$WORK/first.ms"; : >"$WORK/second.ms"; : >"$WORK/first.txt"; : >"$WORK/second.txt"
# run_once PASS LOG: one AppHost start against the running fakes; appends the figures of PASS (first|second)
run_once() {
    local pass=$1 logf=$2
    remove_standin_leftovers
    (cd "$ROOT/Servarr.AppHost" && exec env "${ASPIRE_ENV[@]}" "${STACK_PARAMS[@]}" "${FAKE_ENV[@]}" "${STAMP[@]}" dotnet "$DLL" >"$logf" 2>&1) &
    APID=$!
    # Every configured app of the default stack logs a start; wait until each has finished its first pass.
    if wait_until "$LIMIT" "every app configured" all_passed "$logf" 9; then
        sleep 5
        all_passed "$logf" 9 || sleep 10
        local last_healthy=0 last_done=0 app h d hm dm line
        for app in $(started_apps "$logf"); do
            h="$(grep -m1 "configuration of $app: the app is healthy" "$logf" | grep -oE '^[0-9:.]+')"
            line="$(grep -m1 "configuration of $app (Apply)" "$logf")"
            d="$(grep -oE '^[0-9:.]+' <<<"$line")"
            hm=$(ms_of "$h"); dm=$(ms_of "$d")
            ((hm > last_healthy)) && last_healthy=$hm
            ((dm > last_done)) && last_done=$dm
            echo "$app $((dm - hm)) $(sed -E 's/.*\(Apply\): //' <<<"$line")" >>"$WORK/$pass.txt"
        done
        echo $((last_done - last_healthy)) >>"$WORK/$pass.ms"
    else
        grep -E 'configuration of' "$logf" | tail -20 >&2
    fi
    stop_aspire "$APID"; APID=""
}

for ((i = 1; i <= ROUNDS; i++)); do
    start_fakes "$WORK"
    log "round $i/$ROUNDS: first start (fresh fakes)"
    run_once first "$WORK/first-$i.log"
    log "round $i/$ROUNDS: second start (same fakes: nothing to change)"
    run_once second "$WORK/second-$i.log"
    stop_fakes
done

echo
echo "Run mode (dotnet Servarr.AppHost.dll, stand-in images, the apps' APIs faked), $ROUNDS rounds; machine: $(nproc) cores, .NET $(dotnet --version) SDK; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for pass in first second; do
    echo
    echo "$pass start: last app healthy -> last app configured: median $(median <"$WORK/$pass.ms") ms  [$(tr '\n' ' ' <"$WORK/$pass.ms")]"
    echo "  per app: healthy -> pass done (median ms); the pass (last round)"
    for app in $(awk '{ print $1 }' "$WORK/$pass.txt" | sort -u); do
        printf '  %-12s %6s ms   %s\n' "$app" "$(awk -v a="$app" '$1 == a { print $2 }' "$WORK/$pass.txt" | median)" \
            "$(awk -v a="$app" '$1 == a { $1 = ""; $2 = ""; sub(/^  /, ""); l = $0 } END { print l }' "$WORK/$pass.txt")"
    done
done
