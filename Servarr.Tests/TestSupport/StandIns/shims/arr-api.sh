#!/bin/sh
# Stand-in for the part of the Sonarr/Radarr (/api/v3) and Prowlarr (/api/v1)
# APIs that Servarr configures (Servarr.Hosting/Integrations/Arr/ArrApi.cs).
# Busybox only: POSIX sh plus ash's `read -t` (so a client that connects and
# sends nothing cannot hold a handler forever), awk, dd, httpd.
#
# standin.sh runs one persistent server per port of an image with the arrapi=
# option:  nc -ll -p PORT -e /arr-api.sh  (busybox nc forks this script per
# connection with the socket on stdin/stdout; stderr is the container log).
# This script reads ONE request: request line, headers (Content-Length,
# Transfer-Encoding: chunked, X-Api-Key) and body, then
#   path under /api/  -> answered here (below), always with Content-Length and
#                        Connection: close
#   any other path    -> replayed (request line, headers, body) into
#                        `httpd -i -h /www`, busybox httpd in inetd mode, so
#                        /ping, / and the other /www files answer as before
#
# Settings (ENV of the image, see build-standins.sh):
#   STANDIN_ARRAPI              API version, v3 (Sonarr, Radarr) or v1 (Prowlarr)
#   STANDIN_ARRAPI_KEY_ENV      variable holding the app's API key, e.g.
#                               SONARR__AUTH__APIKEY; when that variable is
#                               unset or empty any key is accepted
#   STANDIN_ARRAPI_COLLECTIONS  collections served (default: v3 downloadclient
#                               rootfolder, v1 applications)
#   STANDIN_ARRAPI_NAME         appName of system/status (default STANDIN_NAME)
#
# API (query strings are ignored except apikey):
#   any /api/ request whose X-Api-Key header (or apikey query) differs from the
#   key -> 401, empty body
#   GET    /api/vN/system/status   -> 200 a small JSON object
#   GET    /api/vN/<coll>          -> 200 JSON array of the stored resources, by id
#   POST   /api/vN/<coll>          -> 201 the body with "id":N as first member
#                                     (ids from 1; a top-level "id" in the body is dropped)
#   GET    /api/vN/<coll>/<id>     -> 200 the resource
#   PUT    /api/vN/<coll>/<id>     -> 202 the body stored in its place, "id" kept
#   DELETE /api/vN/<coll>/<id>     -> 200, empty body
#   unknown id -> 404; unknown route -> 404; other methods -> 405; a body that
#   is not a JSON object -> 400. Nothing else is validated (the in-process
#   fake, Servarr.Tests/TestSupport/ArrApi, checks the documents' schemas).
# State: /tmp/arr/<coll>/<id>.json (one compact JSON object, no newline). New
# ids are claimed with an atomic mkdir of /tmp/arr/<coll>/.ids/<id> and files
# are replaced with mv, so parallel requests neither share an id nor show a
# half-written file.
# Limits: one request per connection (every answer closes it); busybox nc
# listens with a backlog of 2, so a burst of many parallel connections is
# served, but some wait for the kernel's SYN retry (about a second).

cr="$(printf '\r')"
version="${STANDIN_ARRAPI:-v3}"
case "$version" in
    v1) collections="${STANDIN_ARRAPI_COLLECTIONS:-applications}" ;;
    *) collections="${STANDIN_ARRAPI_COLLECTIONS:-downloadclient rootfolder}" ;;
esac
state=/tmp/arr
work="$state/.work.$$"
mkdir -p "$state" 2>/dev/null
trap 'rm -f "$work".*' EXIT

# ---- the request -------------------------------------------------------------
IFS= read -r -t 60 request_line || exit 0
request_line="${request_line%"$cr"}"
set -f
# shellcheck disable=SC2086
set -- $request_line
set +f
method="${1:-}" target="${2:-/}"

headers="" length=0 chunked=no header_key=""
while IFS= read -r -t 60 header; do
    header="${header%"$cr"}"
    [ -z "$header" ] && break
    headers="$headers$header$cr
"
    value="${header#*:}"
    while :; do
        case "$value" in
            " "* | "	"*) value="${value#?}" ;;
            *) break ;;
        esac
    done
    case "${header%%:*}" in
        [Cc][Oo][Nn][Tt][Ee][Nn][Tt]-[Ll][Ee][Nn][Gg][Tt][Hh])
            case "$value" in '' | *[!0-9]*) ;; *) length="$value" ;; esac ;;
        [Tt][Rr][Aa][Nn][Ss][Ff][Ee][Rr]-[Ee][Nn][Cc][Oo][Dd][Ii][Nn][Gg])
            case "$value" in *[Cc][Hh][Uu][Nn][Kk][Ee][Dd]*) chunked=yes ;; esac ;;
        [Xx]-[Aa][Pp][Ii]-[Kk][Ee][Yy]) header_key="$value" ;;
    esac
done

# The body, into $work.body. dd bs=1 reads byte by byte, so it never takes
# more than the request holds (the shell's read does the same).
: >"$work.body"
if [ "$chunked" = yes ]; then
    # .NET's JsonContent has no length, so HttpClient sends chunks.
    while IFS= read -r -t 60 size; do
        size="${size%"$cr"}"
        size="${size%%;*}"
        case "$size" in '' | *[!0-9A-Fa-f]*) break ;; esac
        size=$((0x$size))
        if [ "$size" -eq 0 ]; then
            while IFS= read -r -t 10 trailer; do
                [ -z "${trailer%"$cr"}" ] && break
            done
            break
        fi
        dd bs=1 count="$size" 2>/dev/null >>"$work.body"
        IFS= read -r -t 10 _ # the CRLF after the chunk
    done
elif [ "$length" -gt 0 ]; then
    dd bs=1 count="$length" 2>/dev/null >"$work.body"
fi

# ---- anything outside /api/: busybox httpd --------------------------------------
path="${target%%\?*}"
case "$path" in
    /api/*) ;;
    *)
        {
            printf '%s\r\n%s\r\n' "$request_line" "$headers"
            [ "$chunked" = no ] && cat "$work.body"
        } | httpd -i -h /www
        exit 0
        ;;
esac

# ---- answers ----------------------------------------------------------------------
# respond STATUS [FILE]: the status line, headers and FILE (if any) as the body.
respond() {
    size=0
    [ -n "${2:-}" ] && size="$(wc -c <"$2" | tr -d ' ')"
    printf 'HTTP/1.1 %s\r\n' "$1"
    [ "$size" -gt 0 ] && printf 'Content-Type: application/json; charset=utf-8\r\n'
    printf 'Content-Length: %s\r\nConnection: close\r\n\r\n' "$size"
    [ "$size" -gt 0 ] && cat "$2"
    echo "arr-api: $method $path -> ${1%% *}" >&2
    exit 0
}
respond_text() {
    printf '%s' "$2" >"$work.out"
    respond "$1" "$work.out"
}
not_found() { respond_text "404 Not Found" '{"message":"NotFound"}'; }

# with_id ID: the JSON object in $work.body with "id":ID as its first member and
# any top-level "id" member dropped, into $work.json; fails if no object.
with_id() {
    awk -v id="$1" '
        function add(m) {
            if (m ~ /^[ \t\r\n]*$/ || m ~ /^[ \t\r\n]*"id"[ \t\r\n]*:/) return
            sub(/^[ \t\r\n]+/, "", m); sub(/[ \t\r\n]+$/, "", m)
            out = out "," m
        }
        { s = s (NR > 1 ? "\n" : "") $0 }
        END {
            n = length(s); depth = 0; instr = 0; esc = 0; member = ""; done = 0
            for (i = 1; i <= n && !done; i++) {
                c = substr(s, i, 1)
                if (instr) {
                    member = member c
                    if (esc) esc = 0; else if (c == "\\") esc = 1; else if (c == "\"") instr = 0
                    continue
                }
                if (depth == 0) {
                    if (c == "{") { depth = 1; continue }
                    if (c ~ /[ \t\r\n]/) continue
                    exit 1
                }
                if (c == "\"") instr = 1
                else if (c == "{" || c == "[") depth++
                else if (c == "}" || c == "]") {
                    depth--
                    if (depth == 0) { add(member); done = 1; continue }
                } else if (c == "," && depth == 1) { add(member); member = ""; continue }
                member = member c
            }
            if (!done) exit 1
            printf "{\"id\":%s%s}", id, out
        }' "$work.body" >"$work.json"
}

# API key: header, else the apikey query parameter.
key_variable="${STANDIN_ARRAPI_KEY_ENV:-}"
expected=""
case "$key_variable" in
    '' | *[!A-Za-z0-9_]*) ;;
    *) eval "expected=\${$key_variable:-}" ;;
esac
given="$header_key"
if [ -z "$given" ]; then
    case "$target" in
        *\?*)
            query="${target#*\?}"
            IFS='&'
            for parameter in $query; do
                case "$parameter" in
                    [Aa][Pp][Ii][Kk][Ee][Yy]=*) given="${parameter#*=}" ;;
                esac
            done
            unset IFS
            ;;
    esac
fi
if [ -n "$expected" ] && [ "$given" != "$expected" ]; then
    respond "401 Unauthorized"
fi

route="${path#/api/"$version"/}"
[ "$route" = "$path" ] && not_found
route="${route%/}"

if [ "$route" = system/status ]; then
    [ "$method" = GET ] || respond "405 Method Not Allowed"
    name="${STANDIN_ARRAPI_NAME:-${STANDIN_NAME:-arr}}"
    respond_text "200 OK" "{\"appName\":\"$name\",\"instanceName\":\"$name\",\"version\":\"standin\",\"urlBase\":\"\",\"authentication\":\"external\",\"isDocker\":true}"
fi

collection="${route%%/*}"
id=""
[ "$collection" != "$route" ] && id="${route#*/}"
case " $collections " in
    *" $collection "*) ;;
    *) not_found ;;
esac
case "$id" in
    */*) not_found ;;
    '') ;;
    0* | *[!0-9]*) not_found ;;
esac
dir="$state/$collection"
mkdir -p "$dir/.ids" 2>/dev/null

if [ -z "$id" ]; then
    case "$method" in
        GET)
            body=""
            for file in $(ls "$dir" | sed -n 's/^\([0-9][0-9]*\)\.json$/\1/p' | sort -n); do
                item="$(cat "$dir/$file.json" 2>/dev/null)" || continue
                [ -n "$item" ] && body="$body${body:+,}$item"
            done
            respond_text "200 OK" "[$body]"
            ;;
        POST)
            n=1
            while ! mkdir "$dir/.ids/$n" 2>/dev/null; do
                n=$((n + 1))
            done
            if ! with_id "$n" || ! mv -f "$work.json" "$dir/$n.json"; then
                rmdir "$dir/.ids/$n" 2>/dev/null
                respond_text "400 Bad Request" '[{"propertyName":"","errorMessage":"The request body is not a JSON object (stand-in)"}]'
            fi
            respond "201 Created" "$dir/$n.json"
            ;;
        *) respond "405 Method Not Allowed" ;;
    esac
fi

[ -f "$dir/$id.json" ] || not_found
case "$method" in
    GET) respond "200 OK" "$dir/$id.json" ;;
    PUT)
        with_id "$id" ||
            respond_text "400 Bad Request" '[{"propertyName":"","errorMessage":"The request body is not a JSON object (stand-in)"}]'
        mv -f "$work.json" "$dir/$id.json"
        respond "202 Accepted" "$dir/$id.json"
        ;;
    DELETE)
        # The id stays claimed, so it is never given out again (like the apps' database).
        rm -f "$dir/$id.json"
        respond "200 OK"
        ;;
    *) respond "405 Method Not Allowed" ;;
esac
