#!/usr/bin/env bash
# Builds local "stand-in" images for the Servarr stack.
#
# No image registry is reachable from our machines, so a published compose
# file could not pull a single image. Instead we build tiny images from
# Debian's static busybox and tag each one with the REAL image name and tag.
# A stand-in answers the app's health and status URLs on the app's ports
# (Sonarr, Radarr and Prowlarr also, statefully, the configuration API that
# Servarr calls: option arrapi= below, shims/arr-api.sh) and carries shims for
# the commands the stacks' health checks call (curl, cloudflared, kopia, ...),
# so the stack definition runs unchanged.
#
# Usage:
#   bash Servarr.Tests/TestSupport/StandIns/build-standins.sh          build what is missing or stale
#   bash Servarr.Tests/TestSupport/StandIns/build-standins.sh --force  rebuild everything
#   bash Servarr.Tests/TestSupport/StandIns/build-standins.sh --list   print the image names and exit
#
# Needs: a running Docker engine, /bin/busybox from package busybox-static.
#
# Fast when nothing changed: every image is labelled
# servarr.standin-hash=<hash of this script, the files in shims/ and
# busybox>; images that already carry the current hash are left alone, and
# any edit (a tag, a shim) rebuilds them all, which takes a few seconds.
#
# Files: this script; shims/ holds the scripts copied into every image (see
# SHIM_PLACES below for where each one goes). Nothing lives in folders named
# bin/ or obj/ because the repository's .gitignore drops those.
set -euo pipefail

# ---------------------------------------------------------------------------
# The images. One line per image; edit a tag here and rerun the script.
#
#   image     real name:tag the stand-in is tagged with
#   ports     ports the app listens on by default, comma separated, - for none
#   port-env  variable(s) the real app reads its port from, comma separated,
#             - for none; when set in the container the stand-in also listens
#             on that port (values like ":8000" or "0.0.0.0:2000" work too)
#   options   optional, space separated:
#               entrypoint=a,b,c  ENTRYPOINT words (default /standin.sh)
#               workdir=DIR       WORKDIR
#               health=URL        image HEALTHCHECK that GETs URL with wget
#               healthcmd=a,b,c   image HEALTHCHECK running the command a b c
#                                 (e.g. healthcmd=/gluetun-entrypoint,healthcheck)
#               arrapi=v3|v1      the app's ports also answer the Sonarr/Radarr
#                                 (v3) or Prowlarr (v1) configuration API under
#                                 /api/ statefully, with the API key from
#                                 <NAME>__AUTH__APIKEY (e.g. SONARR__AUTH__APIKEY);
#                                 see shims/arr-api.sh
# ---------------------------------------------------------------------------
STANDIN_TABLE='
# image                                               ports  port-env                     options
docker.io/plexinc/pms-docker:1.43.3.10828-00f62d37d   32400  -
lscr.io/linuxserver/sonarr:4.0.19.2979-ls316          8989   SONARR__SERVER__PORT         arrapi=v3
lscr.io/linuxserver/radarr:6.2.1.10461-ls308          7878   RADARR__SERVER__PORT         arrapi=v3
lscr.io/linuxserver/prowlarr:2.5.2.5491-ls155         9696   PROWLARR__SERVER__PORT       arrapi=v1
lscr.io/linuxserver/qbittorrent:5.2.3_v2.0.13-ls469   8080   WEBUI_PORT
docker.io/qmcgaw/gluetun:v3.41.1                      8000,9999 HTTP_CONTROL_SERVER_ADDRESS  entrypoint=/gluetun-entrypoint
docker.io/cloudflare/cloudflared:2026.8.2             2000   TUNNEL_METRICS               entrypoint=cloudflared,--no-autoupdate
docker.io/kopia/kopia:0.23.1                          51515  -                            entrypoint=/bin/kopia
docker.io/louislam/uptime-kuma:2.5.3                  3001   UPTIME_KUMA_PORT             workdir=/app
ghcr.io/seerr-team/seerr:v3.4.1                       5055   PORT
ghcr.io/wizarrrr/wizarr:v2026.7.1                     5690   PORT                         health=http://127.0.0.1:5690/health
ghcr.io/tautulli/tautulli:v2.17.2                     8181   TAUTULLI_HTTP_PORT
ghcr.io/maintainerr/maintainerr:3.24.0                6246   UI_PORT                      health=http://127.0.0.1:6246/api/health/ready
ghcr.io/nicholas-fedor/watchtower:1.8.0               -      -                            entrypoint=/watchtower
ghcr.io/bigboot/autokuma:2.0.0                        -      -
mcr.microsoft.com/dotnet/aspire-dashboard:9.5         18888,18889  -                      entrypoint=/aspire-dashboard
'

BASE_IMAGE="servarr-standin-base:1"
HASH_LABEL="servarr.standin-hash"
BUSYBOX="/bin/busybox"
# Timing of the image HEALTHCHECK of rows with a health= or healthcmd= option.
HEALTH_OPTIONS="--interval=2s --timeout=2s --retries=3"

# Where each file of shims/ goes in the image ("file  path [extra paths]").
SHIM_PLACES='
standin.sh               /standin.sh
arr-api.sh               /arr-api.sh
aspire-dashboard         /aspire-dashboard
gluetun-entrypoint       /gluetun-entrypoint
healthcheck.sh           /healthcheck.sh
watchtower               /watchtower
uptime-kuma-healthcheck  /app/extra/healthcheck
curl                     /usr/bin/curl
cloudflared              /usr/local/bin/cloudflared  /usr/bin/cloudflared
kopia                    /bin/kopia                  /usr/bin/kopia
'

# What the stand-in web server answers ("URL path  body"). Each path is a
# file under /www; "/" is index.html.
WWW_FILES='
/index.html         <html><body><p>Servarr stand-in: fixed answers in place of the real app.</p></body></html>
/ping               {"status":"OK"}
/identity           <MediaContainer size="0" claimed="0" machineIdentifier="servarr-standin" version="standin"/>
/api/v1/status      {"version":"standin","status":"OK"}
/status             {"status":"OK"}
/health             {"status":"healthy"}
/ready              {"status":200,"readyConnections":1,"connectorId":"servarr-standin"}
/api/health/ready   {"status":"ok"}
/v1/publicip/ip     {"public_ip":"127.0.0.1"}
/v1/vpn/status      {"status":"running"}
'

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
shims="$here/shims"

log() { printf 'standins: %s\n' "$*"; }
die() { printf 'standins: error: %s\n' "$*" >&2; exit 1; }

# Prints "image|ports|port-env|options" for each table line.
table_rows() {
    local image ports port_env options
    while read -r image ports port_env options; do
        [[ -z "$image" || "$image" == \#* ]] && continue
        printf '%s|%s|%s|%s\n' "$image" "${ports:--}" "${port_env:--}" "$options"
    done <<<"$STANDIN_TABLE"
}

# `docker images` shows Docker Hub names without the docker.io/ (and
# library/) prefix; bring a table name into that form for comparisons.
short_name() {
    local name="$1"
    name="${name#docker.io/}"
    name="${name#library/}"
    printf '%s\n' "$name"
}

force=no
case "${1:-}" in
    --list) table_rows | cut -d'|' -f1; exit 0 ;;
    --force) force=yes ;;
    "") ;;
    *) die "unknown argument '$1' (use --force or --list)" ;;
esac

started=$EPOCHREALTIME

# ---- preconditions ---------------------------------------------------------
command -v docker >/dev/null || die "docker client not found on PATH"
[[ -x "$BUSYBOX" ]] || die "$BUSYBOX not found: apt-get install busybox-static"
# The rootfs has no libraries, so a dynamically linked busybox (package
# 'busybox' rather than 'busybox-static') cannot run in it.
if command -v ldd >/dev/null; then
    linkage="$(ldd "$BUSYBOX" 2>&1 || true)"
    [[ "$linkage" == *"not a dynamic executable"* || "$linkage" == *"statically linked"* ]] ||
        die "$BUSYBOX is dynamically linked: install busybox-static instead of busybox"
fi
[[ -d "$shims" ]] || die "missing $shims"

# Two runs at once (e.g. CI and a test fixture) would race on the tags.
if command -v flock >/dev/null; then
    exec 9>"${TMPDIR:-/tmp}/servarr-standins.lock"
    flock -w 300 9 || die "another build-standins.sh has held the lock for 5 minutes"
fi

# ---- content hash ------------------------------------------------------------
# Covers this script (so the tables too), the shims (names and contents; not
# their modes, which depend on the checkout) and the busybox binary.
hash="$(
    {
        sha256sum <"${BASH_SOURCE[0]}"
        (cd "$shims" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
        sha256sum <"$BUSYBOX"
    } | sha256sum | cut -c1-16
)"

# What is already built with this hash (one docker call for all images).
current="$(docker images --filter "label=$HASH_LABEL=$hash" --format '{{.Repository}}:{{.Tag}}' 2>&1)" ||
    die "cannot list images; is the Docker engine running? ($current)"
if [[ "$force" == yes ]]; then
    current=""
fi
is_current() { grep -qxF -- "$(short_name "$1")" <<<"$current"; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/servarr-standins.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

built=0

# ---- base image --------------------------------------------------------------
if ! is_current "$BASE_IMAGE"; then
    root="$tmp/rootfs"
    mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,usr/local/bin,etc,root,tmp,app,www,home/app}
    chmod 1777 "$root/tmp"

    # busybox plus one symlink per applet (sh, httpd, wget, nc, sleep, ...).
    cp "$BUSYBOX" "$root/bin/busybox"
    while read -r applet; do
        [[ "$applet" == busybox ]] && continue
        ln -s busybox "$root/bin/$applet"
    done < <("$BUSYBOX" --list)

    # The shims, executable whatever mode git checked them out with; extra
    # paths become symlinks to the first one.
    while read -r file target extra; do
        [[ -z "$file" ]] && continue
        [[ -f "$shims/$file" ]] || die "missing $shims/$file"
        mkdir -p "$root$(dirname "$target")"
        install -m 0755 "$shims/$file" "$root$target"
        for link in $extra; do
            mkdir -p "$root$(dirname "$link")"
            ln -s "$target" "$root$link"
        done
    done <<<"$SHIM_PLACES"

    # The files httpd serves.
    while read -r path body; do
        [[ -z "$path" ]] && continue
        mkdir -p "$root/www$(dirname "$path")"
        printf '%s\n' "$body" >"$root/www$path"
    done <<<"$WWW_FILES"
    find "$root/www" -type d -exec chmod 0755 {} +
    find "$root/www" -type f -exec chmod 0644 {} +

    # Users the real images run as: root, a uid 1000 app user (LinuxServer
    # PUID, Seerr's node, Maintainerr), distroless nonroot, and nobody.
    cat >"$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
app:x:1000:1000:app:/home/app:/bin/sh
nonroot:x:65532:65532:nonroot:/home/nonroot:/bin/false
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
EOF
    cat >"$root/etc/group" <<'EOF'
root:x:0:
app:x:1000:
nonroot:x:65532:
nogroup:x:65534:
EOF
    chown 1000:1000 "$root/home/app"

    tar -C "$root" --numeric-owner -c . |
        docker import \
            --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
            --change 'ENTRYPOINT ["/standin.sh"]' \
            --change "LABEL $HASH_LABEL=$hash" \
            - "$BASE_IMAGE" >/dev/null
    log "imported $BASE_IMAGE"
    built=$((built + 1))
    # Every image is built FROM the base, so all of them are stale now.
    current=""
fi

# ---- one image per table row -------------------------------------------------
# Turns "a,b,c" into the JSON array ["a","b","c"] (words contain no quotes).
json_array() {
    local IFS=, word out=""
    for word in $1; do
        out+="${out:+,}\"$word\""
    done
    printf '[%s]' "$out"
}

while IFS='|' read -r image ports port_env options; do
    if is_current "$image"; then
        continue
    fi

    name="${image%:*}"
    name="${name##*/}"
    [[ "$ports" == - ]] && ports=""
    [[ "$port_env" == - ]] && port_env=""

    entrypoint="/standin.sh" workdir="" health="" arrapi=""
    for option in $options; do
        case "$option" in
            entrypoint=*) entrypoint="${option#entrypoint=}" ;;
            workdir=*) workdir="${option#workdir=}" ;;
            health=*) health="wget,-q,-O,/dev/null,${option#health=}" ;;
            healthcmd=*) health="${option#healthcmd=}" ;;
            arrapi=v1 | arrapi=v3) arrapi="${option#arrapi=}" ;;
            *) die "unknown option '$option' for $image" ;;
        esac
    done

    {
        echo "FROM $BASE_IMAGE"
        echo "ENV STANDIN_NAME=\"$name\" STANDIN_PORTS=\"${ports//,/ }\" STANDIN_PORT_ENV=\"${port_env//,/ }\""
        echo "LABEL $HASH_LABEL=\"$hash\" servarr.standin-of=\"$image\""
        # /standin.sh serves the ports through /arr-api.sh (nc -ll -e) instead of httpd.
        [[ -n "$arrapi" ]] && echo "ENV STANDIN_ARRAPI=\"$arrapi\" STANDIN_ARRAPI_KEY_ENV=\"${name^^}__AUTH__APIKEY\" STANDIN_ARRAPI_NAME=\"${name^}\""
        for port in ${ports//,/ }; do
            echo "EXPOSE $port/tcp"
        done
        [[ -n "$workdir" ]] && echo "WORKDIR $workdir"
        echo "ENTRYPOINT $(json_array "$entrypoint")"
        [[ -n "$health" ]] && echo "HEALTHCHECK $HEALTH_OPTIONS CMD $(json_array "$health")"
        true
    } >"$tmp/Dockerfile"

    # Never replace a real image: on a machine that runs the real stack, an image of this name without our
    # label is the user's, and tagging a stand-in over it would break their next `up`.
    existing_label="$(docker image inspect -f "{{index .Config.Labels \"$HASH_LABEL\"}}" "$image" 2>/dev/null || echo absent)"
    if [[ "$existing_label" != absent && -z "$existing_label" ]]; then
        die "$image exists and is not a stand-in (no $HASH_LABEL label); refusing to replace it. Run the Docker tests on a machine without the real stack."
    fi

    # The classic builder uses the local FROM image and needs no registry;
    # without DOCKER_BUILDKIT=0 a recent docker client wants the buildx
    # plugin, which this machine does not have.
    if ! DOCKER_BUILDKIT=0 docker build -q --force-rm -t "$image" - <"$tmp/Dockerfile" >"$tmp/build.log" 2>&1; then
        cat "$tmp/build.log" >&2
        die "building $image failed"
    fi
    log "built $image"
    built=$((built + 1))
done < <(table_rows)

# Rebuilding moves the tags to new images; drop the untagged old ones.
if ((built > 0)); then
    docker image prune -f --filter "label=$HASH_LABEL" >/dev/null 2>&1 || true
fi

elapsed=$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
log "$built image(s) built, $(table_rows | wc -l) stand-ins ready (hash $hash, ${elapsed}s)"
