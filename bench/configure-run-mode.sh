#!/usr/bin/env bash
# Issue 16's figure in run mode: from "the app is healthy" to "the app is configured", per app and for the whole
# default stack, as `dotnet run` does it (Aspire's eventing: when an app's own health check passes, Servarr reads its
# settings and applies what differs; the pass's calls are counted). Stand-in images: Sonarr, Radarr and Prowlarr answer
# the *arr API (StandIns/shims/arr-api.sh), so their configuration is real API traffic; Plex's stand-in has no token,
# so its sections wait (no call) and say why; apps whose stand-in serves no API of theirs show up as failed — the
# figure is for the apps whose configuration runs here, and the script says which.
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
APID=""
cleanup() {
    [[ -n "$APID" ]] && stop_aspire "$APID"
    remove_standin_leftovers
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "building (not timed): Servarr.AppHost Release, stand-in images"
dotnet build "$ROOT/Servarr.AppHost/Servarr.AppHost.csproj" -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
bash "$ROOT/Servarr.Tests/TestSupport/StandIns/build-standins.sh" >/dev/null
DLL="$ROOT/Servarr.AppHost/bin/Release/net10.0/Servarr.AppHost.dll"
stack_params "$WORK"
for p in sonarr-api-key radarr-api-key prowlarr-api-key qbittorrent-password; do STACK_PARAMS+=("Parameters__$p=bench-value-0123456789abcdef0123"); done
STAMP=("Logging__Console__TimestampFormat=HH:mm:ss.fff " "Logging__Console__FormatterName=simple" "Logging__Console__FormatterOptions__SingleLine=true"
    "Logging__Console__FormatterOptions__TimestampFormat=HH:mm:ss.fff ")

# ms_of HH:MM:SS.fff -> milliseconds since midnight
ms_of() { awk -F'[:.]' '{ print (($1 * 60 + $2) * 60 + $3) * 1000 + $4 }' <<<"$1"; }
started_apps() { grep -o 'configuration of [a-z0-9-]*: the app is healthy; configuring' "$1" | awk '{ print $3 }' | tr -d ':' | sort -u; }
passed_apps() { grep -o 'configuration of [a-z0-9-]* (Apply)' "$1" | awk '{ print $3 }' | sort -u; }
all_passed() { [[ -n "$(started_apps "$1")" && "$(started_apps "$1")" == "$(passed_apps "$1")" && "$(started_apps "$1" | wc -l)" -ge "$2" ]]; }

: >"$WORK/total.ms"; : >"$WORK/apps.txt"
for ((i = 1; i <= ROUNDS; i++)); do
    remove_standin_leftovers
    log "round $i/$ROUNDS: dotnet Servarr.AppHost.dll"
    (cd "$ROOT/Servarr.AppHost" && exec env "${ASPIRE_ENV[@]}" "${STACK_PARAMS[@]}" "${STAMP[@]}" dotnet "$DLL" >"$WORK/a-$i.log" 2>&1) &
    APID=$!
    # Every configured app of the default stack logs a start; wait until each has finished its first pass.
    if wait_until "$LIMIT" "every app configured" all_passed "$WORK/a-$i.log" 4; then
        sleep 3
        first_healthy=""; last_healthy=0; last_done=0
        for app in $(started_apps "$WORK/a-$i.log"); do
            h="$(grep -m1 "configuration of $app: the app is healthy" "$WORK/a-$i.log" | grep -oE '^[0-9:.]+')"
            line="$(grep -m1 "configuration of $app (Apply)" "$WORK/a-$i.log")"
            d="$(grep -oE '^[0-9:.]+' <<<"$line")"
            hm=$(ms_of "$h"); dm=$(ms_of "$d")
            ((hm > last_healthy)) && last_healthy=$hm
            ((dm > last_done)) && last_done=$dm
            summary="$(sed -E 's/.*\(Apply\): //' <<<"$line")"
            echo "$app $((dm - hm)) $summary" >>"$WORK/apps.txt"
        done
        echo $((last_done - last_healthy)) >>"$WORK/total.ms"
    else
        grep -E 'configuration of' "$WORK/a-$i.log" | tail -20 >&2
    fi
    stop_aspire "$APID"; APID=""
done

echo
echo "Run mode (dotnet Servarr.AppHost.dll, stand-in images), $ROUNDS rounds; machine: $(nproc) cores, .NET $(dotnet --version) SDK"
echo "last app healthy -> last app configured (ms per round): [$(tr '\n' ' ' <"$WORK/total.ms")] median $(median <"$WORK/total.ms") ms"
echo "per app, healthy -> first pass done (median ms), and that pass (last round):"
for app in $(awk '{ print $1 }' "$WORK/apps.txt" | sort -u); do
    printf '  %-12s %6s ms   %s\n' "$app" "$(awk -v a="$app" '$1 == a { print $2 }' "$WORK/apps.txt" | median)" \
        "$(awk -v a="$app" '$1 == a { $1 = ""; $2 = ""; sub(/^  /, ""); l = $0 } END { print l }' "$WORK/apps.txt")"
done
