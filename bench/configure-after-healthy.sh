#!/usr/bin/env bash
# Issue 16's figure: from "every container healthy" to "every app configured", on a compose deployment of the default
# stack (stand-in images whose Sonarr, Radarr and Prowlarr answer the *arr API), through the `configure` step a server
# owner runs; then a second pass and a `drift` pass over the configured stack, which should only read.
#
#   bench/configure-after-healthy.sh            # 3 rounds
#   ROUNDS=5 bench/configure-after-healthy.sh
#
# Prints, per pass: wall time of the step (a .NET process start included), the AppHost's own time per app and the API
# calls per app (reads, writes). Needs Docker, docker-compose and the stand-in images (built here). Uses the admin ports
# of the published file on 127.0.0.1 (8989, 7878, 9696, ...): run it where nothing else listens there.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
BENCH_PORT_BASE="${BENCH_PORT_BASE:-19888}"
# shellcheck source=bench/lib.sh
source "$here/lib.sh"
ROUNDS="${ROUNDS:-3}"
LIMIT="${LIMIT:-300}"
PROJECT=servarr-bench
WORK="$(mktemp -d /tmp/servarr-bench-configure.XXXXXX)"

cleanup() {
    [[ -f "$WORK/compose/docker-compose.yaml" ]] && (cd "$WORK/compose" && docker-compose -p "$PROJECT" down -t 1 -v >/dev/null 2>&1 || true)
    rm -rf "$WORK"
}
trap cleanup EXIT

log "building (Release) and the stand-in images"
dotnet build "$repo/Servarr.AppHost" -c Release -v q -nologo >"$WORK/build.log" 2>&1 || { tail -20 "$WORK/build.log"; exit 1; }
bash "$repo/Servarr.Tests/TestSupport/StandIns/build-standins.sh" >/dev/null
apphost="$repo/Servarr.AppHost/bin/Release/net10.0/Servarr.AppHost.dll"

stack_params "$WORK"
# The same API keys and qBittorrent password in .env (what the containers read) and in the configure step's configuration.
SECRETS=()
for p in sonarr-api-key radarr-api-key prowlarr-api-key qbittorrent-password; do SECRETS+=("Parameters__$p=bench-value"); done
log "publishing the compose file"
(cd "$repo/Servarr.AppHost" && env "${STACK_PARAMS[@]}" "${SECRETS[@]}" dotnet "$apphost" \
    --operation publish --step publish-compose --output-path "$WORK/compose" --Pipeline:ClearCache=true >"$WORK/publish.log" 2>&1) ||
    { tail -20 "$WORK/publish.log"; exit 1; }
sed -i -E -e 's/^([A-Z0-9_]+)=$/\1=bench-value/' -e "s/^COMPOSE_PROJECT_NAME=.*/COMPOSE_PROJECT_NAME=$PROJECT/" "$WORK/compose/.env"
sed -i -E -e 's/^(VPN_COUNTRIES|LAN_ADDRESS|PLEX_CLAIM|PUSHBULLET_ACCESS_TOKEN)=bench-value$/\1=/' "$WORK/compose/.env"
sh "$WORK/compose/prepare-host.sh" >/dev/null

compose_all_healthy() {
    local states
    states="$(docker ps -aq --filter "label=com.docker.compose.project=$PROJECT" | xargs -r docker inspect -f '{{.State.Status}}/{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}')"
    [[ -n "$states" ]] && ! grep -qv -e '^running/healthy$' -e '^running/none$' <<<"$states"
}

step() { # step NAME LOG: runs the configure or drift step, prints its wall time in ms
    local start end
    start=$(now_ms)
    (cd "$repo/Servarr.AppHost" && env "${STACK_PARAMS[@]}" "${SECRETS[@]}" dotnet "$apphost" --operation publish --step "$1" >"$2" 2>&1) ||
        { log "$1 failed: $(grep -m3 -E 'error|failed' "$2" | tr '\n' ' ')"; }
    end=$(now_ms)
    echo $((end - start))
}

calls() { grep -oE '(sonarr|radarr|prowlarr): [0-9]+ read\(s\), [0-9]+ write\(s\), [0-9]+ ms' "$1" | tr '\n' ';' | sed 's/;$//'; }

for i in $(seq 1 "$ROUNDS"); do
    log "round $i/$ROUNDS: docker-compose up -d, wait until every container is healthy"
    (cd "$WORK/compose" && docker-compose -p "$PROJECT" up -d >"$WORK/up.log" 2>&1) || { tail -5 "$WORK/up.log"; exit 1; }
    wait_until "$LIMIT" "compose: all healthy" compose_all_healthy || exit 1
    echo "$(step configure "$WORK/first.log")" >>"$WORK/first.ms"
    echo "$(step configure "$WORK/second.log")" >>"$WORK/second.ms"
    echo "$(step drift "$WORK/drift.log")" >>"$WORK/drift.ms"
    printf 'round %s first:  %s\n' "$i" "$(calls "$WORK/first.log")" >>"$WORK/calls.txt"
    printf 'round %s second: %s\n' "$i" "$(calls "$WORK/second.log")" >>"$WORK/calls.txt"
    printf 'round %s drift:  %s\n' "$i" "$(calls "$WORK/drift.log")" >>"$WORK/calls.txt"
    (cd "$WORK/compose" && docker-compose -p "$PROJECT" down -t 1 -v >/dev/null 2>&1) || true
    rm -rf "$WORK/config" && mkdir -p "$WORK/config" && sh "$WORK/compose/prepare-host.sh" >/dev/null
done

printf '\nconfigure after healthy (%s rounds, medians; load average %s)\n' "$ROUNDS" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '  %-40s %8s ms\n' "first pass (step wall time)" "$(median <"$WORK/first.ms")"
printf '  %-40s %8s ms\n' "second pass, no change (step wall time)" "$(median <"$WORK/second.ms")"
printf '  %-40s %8s ms\n' "drift check (step wall time)" "$(median <"$WORK/drift.ms")"
printf '\nper app (reads, writes, the AppHost'"'"'s own time):\n'
cat "$WORK/calls.txt"
