#!/usr/bin/env bash
# Time from start to every resource healthy for the default stack with the stand-in images, three ways, interleaved
# round by round on the same machine; and the memory of what stays running while the stack idles.
#   (a) real Aspire: `dotnet Servarr.AppHost.dll` (Release, launch profile `http` set by hand, cwd = the project so
#       appsettings.json is read, as `dotnet run` does): AppHost + DCP + dashboard. "Healthy" = what the AppHost
#       publishes through ResourceNotificationService (the snapshots the dashboard shows), read from its Trace log:
#       every Container resource's last snapshot is State Running and HealthStatus Healthy. Health includes each app's
#       configuration (issue 16), which goes to the apps' API fakes (FakeAppsHost, bench/lib.sh start_fakes).
#   (b) the previous release (04ed1f3, its own orchestrator): `dotnet Servarr.AppHost.dll run --pull never`; healthy =
#       its status lines say `Running (healthy)` for every app (what its user saw).
#   (c) `docker-compose up -d` of the compose file the current AppHost publishes (`--step publish-compose`), .env
#       filled with the same values, + waiting until Docker reports every container running and every one with a
#       health check healthy.
#
#   bench/run-vs-compose.sh                 # 3 rounds of each
#   ROUNDS=5 SETTLE=30 bench/run-vs-compose.sh
#   PREV_WORKTREE=/tmp/servarr-prev bench/run-vs-compose.sh   # reuse a built worktree of 04ed1f3 (kept)
#
# Needs Docker, docker-compose, the stand-in images (built here) and the NuGet cache for the old release's build. It
# removes stand-in containers left over by dead sessions (bench/lib.sh: remove_standin_leftovers) and its own; never
# run it where the real stack runs.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
ROUNDS="${ROUNDS:-3}"
SETTLE="${SETTLE:-20}"          # seconds the stack idles before memory is read
LIMIT="${LIMIT:-300}"           # seconds a start may take before the round counts as failed
PREV_COMMIT=04ed1f3
PROJECT=servarr-bench
APPS=(gluetun qbittorrent prowlarr sonarr radarr plex tautulli seerr wizarr maintainerr cloudflared uptime-kuma autokuma kopia watchtower)
WORK="$(mktemp -d)"
PREV="${PREV_WORKTREE:-}"; OWN_PREV=""
APID=""; BPID=""
cleanup() {
    [[ -n "$APID" ]] && stop_aspire "$APID"
    stop_fakes
    [[ -n "$BPID" ]] && { kill -TERM "$BPID" 2>/dev/null; wait "$BPID" 2>/dev/null || true; }
    [[ -f "$WORK/compose/docker-compose.yaml" ]] && (cd "$WORK/compose" && docker-compose -p "$PROJECT" down -t 1 -v >/dev/null 2>&1 || true)
    remove_standin_leftovers "$PROJECT"
    [[ -n "$OWN_PREV" ]] && git -C "$ROOT" worktree remove --force "$OWN_PREV" >/dev/null 2>&1
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "building (not timed): Servarr.AppHost Release, stand-in images, the previous release $PREV_COMMIT"
dotnet build "$ROOT/Servarr.AppHost/Servarr.AppHost.csproj" -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
dotnet build "$ROOT/Servarr.Tests/TestSupport/FakeAppsHost/FakeAppsHost.csproj" -c Release -nologo -v quiet >"$WORK/build-fakes.log" 2>&1 || { cat "$WORK/build-fakes.log"; exit 1; }
bash "$ROOT/Servarr.Tests/TestSupport/StandIns/build-standins.sh" >/dev/null
if [[ -z "$PREV" || ! -d "$PREV" ]]; then
    PREV="$WORK/prev"; OWN_PREV="$PREV"
    git -C "$ROOT" worktree add --detach "$PREV" "$PREV_COMMIT" >/dev/null 2>&1
fi
dotnet build "$PREV/Servarr.AppHost/Servarr.AppHost.csproj" -c Release -nologo -v quiet >"$WORK/build-prev.log" 2>&1 || { cat "$WORK/build-prev.log"; exit 1; }
A_DLL="$ROOT/Servarr.AppHost/bin/Release/net10.0/Servarr.AppHost.dll"
B_DLL="$PREV/Servarr.AppHost/bin/Release/net10.0/Servarr.AppHost.dll"

stack_params "$WORK"
log "publishing the compose file (current AppHost, --step publish-compose)"
(cd "$ROOT/Servarr.AppHost" && env "${STACK_PARAMS[@]}" ASPIRE_INTERACTIVITY_ENABLED=false dotnet "$A_DLL" \
    --operation publish --step publish-compose --output-path "$WORK/compose" --Pipeline:ClearCache=true >"$WORK/publish.log" 2>&1) ||
    { cat "$WORK/publish.log"; exit 1; }
# Fill .env like a user would: every empty value gets one; the project name is the bench's own.
sed -i -E -e 's/^([A-Z0-9_]+)=$/\1=bench-value/' -e "s/^COMPOSE_PROJECT_NAME=.*/COMPOSE_PROJECT_NAME=$PROJECT/" "$WORK/compose/.env"
sed -i -E -e 's/^(VPN_COUNTRIES|LAN_ADDRESS|PLEX_CLAIM|PUSHBULLET_ACCESS_TOKEN)=bench-value$/\1=/' "$WORK/compose/.env"
sh "$WORK/compose/prepare-host.sh" >/dev/null

compose_all_healthy() {
    local states
    states="$(docker ps -aq --filter "label=com.docker.compose.project=$PROJECT" | xargs -r docker inspect -f '{{.State.Status}}/{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}')"
    [[ "$(grep -cE '^running/(healthy|none)$' <<<"$states")" == "${#APPS[@]}" ]]
}
prev_all_healthy() {
    awk '/^[0-9][0-9]:[0-9][0-9]:[0-9][0-9] / { name = $2; $1 = ""; $2 = ""; last[name] = $0 } END { for (k in last) print k, last[k] }' "$1" |
        awk -v apps="${APPS[*]}" 'BEGIN { n = split(apps, a, " "); for (i = 1; i <= n; i++) want[a[i]] = 1 }
            ($1 in want) && $0 ~ /^[^ ]+ +Running( \(healthy\))?( http|$)/ { c++ } END { exit !(c == n) }'
}
prev_remove_fixed_names() { # the previous release and compose both use the fixed container names; only stand-ins go
    local c
    for c in "${APPS[@]}" aspire-dashboard; do
        [[ -n "$(docker ps -aq --filter "name=^/$c\$" --filter label=servarr.standin-of)" ]] && docker rm -f "$c" >/dev/null 2>&1 || true
    done
}

: >"$WORK/a.ms"; : >"$WORK/b.ms"; : >"$WORK/c.ms"; : >"$WORK/a-host.kb"; : >"$WORK/a-dcp.kb"; : >"$WORK/a-dash.kb"; : >"$WORK/a-n.txt"; : >"$WORK/b-host.kb"
for ((i = 1; i <= ROUNDS; i++)); do
    # (c) docker-compose
    remove_standin_leftovers "$PROJECT"; prev_remove_fixed_names
    log "round $i/$ROUNDS: (c) docker-compose up -d"
    start=$(now_ms)
    # `up -d` itself fails when a service it waits for (depends_on: service_healthy) turns unhealthy: a failed round,
    # not a failed run.
    if ! (cd "$WORK/compose" && docker-compose -p "$PROJECT" up -d >"$WORK/compose-up.log" 2>&1); then
        log "round $i: docker-compose up -d failed: $(grep -m2 ERROR "$WORK/compose-up.log" | tr '\n' ' ')"
    elif wait_until "$LIMIT" "compose: all healthy" compose_all_healthy; then echo $(($(now_ms) - start)) >>"$WORK/c.ms"; fi
    (cd "$WORK/compose" && docker-compose -p "$PROJECT" down -t 1 -v >/dev/null 2>&1) || true

    # (a) real Aspire
    remove_standin_leftovers "$PROJECT"; prev_remove_fixed_names
    log "round $i/$ROUNDS: (a) Aspire: dotnet Servarr.AppHost.dll"
    start=$(now_ms)
    # The apps' configuration goes to their API fakes (fresh each round): healthy includes configured.
    start_fakes "$WORK"
    (cd "$ROOT/Servarr.AppHost" && exec env "${ASPIRE_ENV[@]}" "${STACK_PARAMS[@]}" "${FAKE_ENV[@]}" Parameters__wizarr-password=Bench-Wizarr-Passw0rd-2026 dotnet "$A_DLL" >"$WORK/a-$i.log" 2>&1) &
    APID=$!
    if wait_until "$LIMIT" "Aspire: all healthy" aspire_all_healthy "$WORK/a-$i.log" "${#APPS[@]}"; then
        echo $(($(now_ms) - start)) >>"$WORK/a.ms"
        sleep "$SETTLE"
        dcp="$(dcp_pids "$APID")"
        pss_kb "$APID" >>"$WORK/a-host.kb"
        pss_kb $dcp $(docker_cli_pids $dcp) >>"$WORK/a-dcp.kb"
        pss_kb $(dashboard_pids $dcp) >>"$WORK/a-dash.kb"
        echo "$(wc -w <<<"$dcp") DCP + $(docker_cli_pids $dcp | wc -l) docker CLI + $(dashboard_pids $dcp | wc -l) dashboard" >>"$WORK/a-n.txt"
    else
        aspire_health "$WORK/a-$i.log" >&2
    fi
    stop_aspire "$APID"; APID=""; stop_fakes

    # (b) the previous release
    remove_standin_leftovers "$PROJECT"; prev_remove_fixed_names
    log "round $i/$ROUNDS: (b) previous release: dotnet Servarr.AppHost.dll run --pull never"
    start=$(now_ms)
    (cd "$WORK" && exec env "${STACK_PARAMS[@]}" dotnet "$B_DLL" run --pull never >"$WORK/b-$i.log" 2>&1) &
    BPID=$!
    if wait_until "$LIMIT" "previous release: all healthy" prev_all_healthy "$WORK/b-$i.log"; then
        echo $(($(now_ms) - start)) >>"$WORK/b.ms"
        sleep "$SETTLE"
        pss_kb "$BPID" >>"$WORK/b-host.kb"
    fi
    kill -TERM "$BPID" 2>/dev/null || true; wait "$BPID" 2>/dev/null || true; BPID=""
    prev_remove_fixed_names
done

A=$(median <"$WORK/a.ms"); B=$(median <"$WORK/b.ms"); C=$(median <"$WORK/c.ms")
echo
echo "Start -> all ${#APPS[@]} apps healthy, stand-in images; median of $ROUNDS interleaved rounds (ms of each round in brackets)"
echo "machine: $(nproc) cores, $(uname -sr), .NET $(dotnet --version) SDK; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v a="$A" -v b="$B" -v c="$C" -v ar="$(tr '\n' ' ' <"$WORK/a.ms")" -v br="$(tr '\n' ' ' <"$WORK/b.ms")" -v cr="$(tr '\n' ' ' <"$WORK/c.ms")" 'BEGIN {
    printf "%-72s %9s  %s\n", "", "median", "rounds"
    printf "%-72s %7.1f s  [%s]\n", "(a) Aspire 13.6.5: dotnet Servarr.AppHost.dll (AppHost reports healthy)", a / 1000, ar
    printf "%-72s %7.1f s  [%s]\n", "(b) previous release 04ed1f3: run --pull never (AppHost reports healthy)", b / 1000, br
    printf "%-72s %7.1f s  [%s]\n", "(c) docker-compose up -d of the published file (Docker reports healthy)", c / 1000, cr
    printf "ratio (a)/(c) = %.2f    ratio (a)/(b) = %.2f\n", a / c, a / b
}'
AH=$(median <"$WORK/a-host.kb"); AD=$(median <"$WORK/a-dcp.kb"); AS=$(median <"$WORK/a-dash.kb"); BH=$(median <"$WORK/b-host.kb")
echo
echo "Memory while the stack idles (${SETTLE} s after all healthy), PSS from /proc/<pid>/smaps_rollup, median of the rounds:"
awk -v ah="$AH" -v ad="$AD" -v as="$AS" -v bh="$BH" -v n="$(sort -u "$WORK/a-n.txt" | tr '\n' ';')" 'BEGIN {
    printf "  (a) AppHost %.0f MB + DCP %.0f MB + dashboard %.0f MB = %.0f MB   (%s)\n", ah / 1024, ad / 1024, as / 1024, (ah + ad + as) / 1024, n
    printf "  (b) previous release AppHost (orchestrator and dashboard in the process; its dashboard UI is a container, not counted): %.0f MB\n", bh / 1024
    printf "  (a) total / (b) = %.1fx\n", (ah + ad + as) / bh
}'
