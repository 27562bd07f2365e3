# Shared by the benchmark scripts (source it; it defines functions and variables, it runs nothing).
# ROOT = the repository, BENCH = bench/.
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
# Dashboard / OTLP / resource-service ports of the launch profile `http`, moved off 18888-18890 so that a developer's
# own `dotnet run` on the same machine does not collide with the bench (override with BENCH_PORT_BASE).
BENCH_PORT_BASE="${BENCH_PORT_BASE:-19888}"

now_ms() { echo $(($(date +%s%N) / 1000000)); }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# STACK_PARAMS: a value for every parameter the default stack needs (for `env "${STACK_PARAMS[@]}" ...`), with
# throw-away config and media folders under $1.
stack_params() {
    mkdir -p "$1/config" "$1/media/media/tv" "$1/media/media/movies" "$1/media/torrents"
    STACK_PARAMS=("Parameters__config-root=$1/config" "Parameters__media-root=$1/media"
        "Parameters__vpn-provider=custom" "Parameters__wireguard-addresses=10.0.0.2/32")
    local p
    for p in wireguard-private-key tunnel-token r2-account-id r2-bucket r2-access-key-id r2-secret-access-key kopia-password uptime-kuma-password; do
        STACK_PARAMS+=("Parameters__$p=bench-$p")
    done
}

# ASPIRE_ENV: what the launch profile `http` sets (Servarr.AppHost/Properties/launchSettings.json), set by hand so
# that `dotnet <AppHost>.dll` runs like `dotnet run`, plus Trace logging of ResourceNotificationService: every
# snapshot it publishes (state and health of each resource, the same snapshots the dashboard shows) becomes one log
# line, which aspire_all_healthy parses.
ASPIRE_ENV=(ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development ASPIRE_ALLOW_UNSECURED_TRANSPORT=true
    "ASPNETCORE_URLS=http://localhost:$BENCH_PORT_BASE"
    "ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:$((BENCH_PORT_BASE + 1))"
    "ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://localhost:$((BENCH_PORT_BASE + 2))"
    "Logging__LogLevel__Aspire.Hosting.ApplicationModel.ResourceNotificationService=Trace")

# aspire_health LOG: "<resource> <state> <health>" of every Container resource, as last published.
aspire_health() {
    grep -o 'Resource [a-z0-9-]*/[a-z0-9-]* update published: ResourceType = Container,.*HeathStatus = [A-Za-z()]*' "$1" 2>/dev/null |
        sed -E 's/^Resource ([a-z0-9-]*)\/.*State = \{ Text = ([A-Za-z]*).*HeathStatus = (.*)$/\1 \2 \3/' |
        awk '{ last[$1] = $2 " " $3 } END { for (k in last) print k, last[k] }'
}
# aspire_all_healthy LOG N: N Container resources published, every one Running and Healthy.
aspire_all_healthy() { [[ "$(aspire_health "$1" | grep -c ' Running Healthy$')" == "$2" ]]; }

# wait_until SECONDS WHAT CMD...: poll CMD every 0.2 s; fail after SECONDS.
wait_until() {
    local limit=$1 what=$2 deadline=$((SECONDS + $1)); shift 2
    until "$@"; do
        ((SECONDS < deadline)) || { log "not $what within $limit s"; return 1; }
        sleep 0.2
    done
}

pid_alive() { [[ -n "$1" && "$1" =~ ^[0-9]+$ ]] && kill -0 "$1" 2>/dev/null; }

# remove_standin_leftovers [PROJECT]: removes stand-in containers (label servarr.standin-of, which only the stand-in
# images carry) that are left over: created by a DCP whose controller process is gone, by a Servarr AppHost that is
# gone (servarr.vpn.owner-pid), by the compose project PROJECT of this bench, or by nobody known (the previous
# release's fixed names). Stand-in containers of a live AppHost or of another compose project are left alone: another
# session on this machine may be running its own stack.
remove_standin_leftovers() {
    local id dcp owner project doomed=()
    while read -r id dcp owner project; do
        [[ "$dcp" == "-" ]] && dcp=""; [[ "$owner" == "-" ]] && owner=""; [[ "$project" == "-" ]] && project=""
        if [[ -n "$project" ]]; then [[ "$project" == "${1:-}" ]] && doomed+=("$id"); continue; fi
        if [[ -n "$dcp" ]]; then pid_alive "$dcp" || doomed+=("$id"); continue; fi
        if [[ -n "$owner" ]]; then pid_alive "$owner" || doomed+=("$id"); continue; fi
        doomed+=("$id")
    done < <(docker ps -aq --filter label=servarr.standin-of | xargs -r docker inspect -f \
        '{{.Id}} {{or (index .Config.Labels "com.microsoft.developer.usvc-dev.creatorProcessId") "-"}} {{or (index .Config.Labels "servarr.vpn.owner-pid") "-"}} {{or (index .Config.Labels "com.docker.compose.project") "-"}}' 2>/dev/null)
    ((${#doomed[@]} == 0)) || docker rm -f "${doomed[@]}" >/dev/null 2>&1 || true
}

# dcp_pids APPHOST_PID: the DCP processes of that AppHost: the API server it started (--monitor <AppHost pid>), the
# controllers sharing its kubeconfig, and every monitor-* helper they spawned (--monitor <one of them>).
dcp_pids() {
    local apphost=$1 kube pids new p cmd
    kube="$(pgrep -af -- "start-apiserver --monitor $apphost " | grep -o -- '--kubeconfig [^ ]*' | head -1 | cut -d' ' -f2)"
    [[ -n "$kube" ]] || return 0
    pids=" $(pgrep -f -- "dcp .*--kubeconfig $kube" | tr '\n' ' ')"
    while :; do
        new=""
        for p in $(pgrep -f 'aspire.hosting.orchestration.*/dcp monitor-'); do
            [[ "$pids" == *" $p "* ]] && continue
            cmd="$(tr '\0' ' ' </proc/$p/cmdline 2>/dev/null)" || continue
            local m; m="$(grep -o -- '--monitor [0-9]*' <<<"$cmd" | head -1 | cut -d' ' -f2)"
            [[ -n "$m" && "$pids" == *" $m "* ]] && new+="$p "
        done
        [[ -z "$new" ]] && break
        pids+="$new"
    done
    echo $pids
}
# dcp_children DCP_PIDS...: the processes the DCP monitors watch (--child <pid>): the dashboard, and the `docker events`
# CLI processes the DCP reads events from.
dcp_children() {
    local p
    for p in "$@"; do tr '\0' ' ' </proc/$p/cmdline 2>/dev/null | grep -o -- '--child [0-9]*' | cut -d' ' -f2; done | sort -u
}
# dashboard_pids DCP_PIDS...: the dashboard process(es) among those.
dashboard_pids() {
    local p
    for p in $(dcp_children "$@"); do grep -q 'Aspire.Dashboard' /proc/$p/cmdline 2>/dev/null && echo "$p"; done
}
# docker_cli_pids DCP_PIDS...: the docker CLI processes among those (counted with the DCP).
docker_cli_pids() {
    local p
    for p in $(dcp_children "$@"); do grep -q 'Aspire.Dashboard' /proc/$p/cmdline 2>/dev/null || echo "$p"; done
}
# pss_kb PID...: sum of the proportional set size (kB) of the processes (smaps_rollup; RSS if unavailable).
pss_kb() {
    local p sum=0 v
    for p in "$@"; do
        v="$(awk '/^Pss:/ { print $2 }' /proc/$p/smaps_rollup 2>/dev/null)"
        [[ -n "$v" ]] || v="$(awk '/^VmRSS:/ { print $2 }' /proc/$p/status 2>/dev/null)"
        sum=$((sum + ${v:-0}))
    done
    echo "$sum"
}

# session_containers APPHOST_PID CONTROLLER_PID: the stand-in containers of one AppHost run: created by its DCP
# controllers, or by Servarr in gluetun's namespace (servarr.vpn.owner-pid).
session_containers() {
    { docker ps -aq --filter label=servarr.standin-of --filter "label=servarr.vpn.owner-pid=$1"
      [[ -n "$2" ]] && docker ps -aq --filter label=servarr.standin-of --filter "label=com.microsoft.developer.usvc-dev.creatorProcessId=$2"; } | sort -u
}
# controller_pid APPHOST_PID: the DCP `run-controllers` process of that AppHost.
controller_pid() {
    local p
    for p in $(dcp_pids "$1"); do grep -q 'run-controllers' /proc/$p/cmdline 2>/dev/null && { echo "$p"; return; }; done
}
# stop_aspire APPHOST_PID: SIGTERM (a background job ignores SIGINT), then wait until that session's containers are
# gone (DCP removes them about 20 s after the AppHost stops); force-remove what is left after STOP_WAIT (10) s.
stop_aspire() {
    local pid=$1 ctl
    ctl="$(controller_pid "$pid")"
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + ${STOP_WAIT:-10}))
    while ((SECONDS < deadline)) && [[ -n "$(session_containers "$pid" "$ctl")" ]]; do sleep 1; done
    session_containers "$pid" "$ctl" | xargs -r docker rm -f >/dev/null 2>&1 || true
}

# start_fakes WORK: the apps' API fakes (Servarr.Tests/TestSupport/FakeAppsHost, built in Release by the caller) in the
# background until stop_fakes; FAKE_ENV holds the configuration that sends each app's configuration there. In run mode
# the apps with a setup wizard (and the tunnel, which waits for them) are healthy only once configured, which the
# stand-in images cannot be.
start_fakes() {
    rm -f "$1/fakes.out"
    (exec dotnet "$ROOT/Servarr.Tests/TestSupport/FakeAppsHost/bin/Release/net10.0/FakeAppsHost.dll" --until-stopped </dev/null >"$1/fakes.out" 2>&1) &
    FPID=$!
    wait_until 60 "fakes ready" grep -q '^ready$' "$1/fakes.out"
    mapfile -t FAKE_ENV < <(grep '=' "$1/fakes.out")
}
stop_fakes() { [[ -n "${FPID:-}" ]] && { kill -TERM "$FPID" 2>/dev/null || true; wait "$FPID" 2>/dev/null || true; }; FPID=""; }
