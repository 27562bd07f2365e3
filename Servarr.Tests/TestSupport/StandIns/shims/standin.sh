#!/bin/sh
# Main process of every stand-in image.
#
# Serves the files under /www over HTTP on each port the real app would
# listen on (Sonarr, Radarr, Prowlarr: also their configuration API, when
# STANDIN_ARRAPI is set), then idles until the container is stopped. Any
# arguments are ignored on purpose: compose passes the real app's command
# line here.
#
# Ports come from three places, duplicates dropped:
#   STANDIN_PORTS        the app's default ports (set by the image)
#   STANDIN_EXTRA_PORTS  ports a shim found in the arguments (e.g. --metrics)
#   STANDIN_PORT_ENV     names of variables the real app reads its port from
#                        (e.g. WEBUI_PORT); a value like ":8000" or
#                        "0.0.0.0:2000" counts by the digits after the last ':'.

# PID 1 gets no default signal handling, so handle TERM/INT ourselves and
# leave at once; the kernel then ends the httpd children with us.
trap 'exit 0' TERM INT

ports=""
add_port() {
    case "$1" in
        '' | *[!0-9]*) return 0 ;;  # empty or not a number: ignore
    esac
    case " $ports " in
        *" $1 "*) return 0 ;;       # already listed
    esac
    ports="${ports:+$ports }$1"
}

for p in ${STANDIN_PORTS:-} ${STANDIN_EXTRA_PORTS:-}; do
    add_port "$p"
done

for var in ${STANDIN_PORT_ENV:-}; do
    case "$var" in
        '' | *[!A-Za-z0-9_]*) continue ;;  # only plain variable names
    esac
    value=""
    eval "value=\${$var:-}"
    add_port "${value##*:}"
done

# With STANDIN_ARRAPI (images with the arrapi= option) a persistent busybox nc
# runs /arr-api.sh per connection: it answers the app's API under /api/ and
# hands every other request to httpd in inetd mode (see /arr-api.sh).
for p in $ports; do
    if [ -n "${STANDIN_ARRAPI:-}" ]; then
        nc -ll -p "$p" -e /arr-api.sh &
    else
        httpd -f -p "0.0.0.0:$p" -h /www &
    fi
done

echo "standin ${STANDIN_NAME:-unknown} listening on ${ports:-no ports}"

# Sleep in the background and wait for it: a trapped signal interrupts
# 'wait' immediately, whereas a foreground sleep would delay the exit.
while :; do
    sleep 3600 &
    wait $!
done
