#!/bin/sh
# Written by Servarr with docker-compose.yaml. Run it once as root before the first `up`:
#   sudo sh prepare-host.sh
# It creates every app's config folder with the owner the app needs, and checks that the media folders (and secret files) exist.
set -eu
cd "$(dirname "$0")"

# The value of KEY in .env (its last line; quotes removed as docker-compose removes them).
env_value() {
  v="$(sed -n "s/^$1=//p" .env | tail -n 1)"
  case "$v" in
    \'*\') v="${v#\'}"; v="${v%\'}" ;;
    \"*\") v="${v#\"}"; v="${v%\"}"; v="$(printf '%s' "$v" | sed 's/\\\(["\\]\)/\1/g')" ;;
  esac
  printf '%s' "$v"
}

CONFIG_ROOT="$(env_value CONFIG_ROOT)"
: "${CONFIG_ROOT:?set CONFIG_ROOT in .env}"
MEDIA_ROOT="$(env_value MEDIA_ROOT)"
: "${MEDIA_ROOT:?set MEDIA_ROOT in .env}"
PUID="$(env_value PUID)"
: "${PUID:?set PUID in .env}"
PGID="$(env_value PGID)"
: "${PGID:?set PGID in .env}"

mkdir -p "${CONFIG_ROOT}/gluetun" && chown "${PUID}:${PGID}" "${CONFIG_ROOT}/gluetun"
mkdir -p "${CONFIG_ROOT}/qbittorrent" && chown "${PUID}:${PGID}" "${CONFIG_ROOT}/qbittorrent"
mkdir -p "${CONFIG_ROOT}/prowlarr" && chown "${PUID}:${PGID}" "${CONFIG_ROOT}/prowlarr"
mkdir -p "${CONFIG_ROOT}/sonarr" && chown "${PUID}:${PGID}" "${CONFIG_ROOT}/sonarr"
mkdir -p "${CONFIG_ROOT}/radarr" && chown "${PUID}:${PGID}" "${CONFIG_ROOT}/radarr"
mkdir -p "${CONFIG_ROOT}/plex" && chown "${PUID}:${PGID}" "${CONFIG_ROOT}/plex"
mkdir -p "${CONFIG_ROOT}/tautulli" && chown "${PUID}:${PGID}" "${CONFIG_ROOT}/tautulli"
mkdir -p "${CONFIG_ROOT}/seerr" && chown "${PUID}:${PGID}" "${CONFIG_ROOT}/seerr"
mkdir -p "${CONFIG_ROOT}/wizarr" && chown "${PUID}:${PGID}" "${CONFIG_ROOT}/wizarr"
mkdir -p "${CONFIG_ROOT}/maintainerr" && chown "${PUID}:${PGID}" "${CONFIG_ROOT}/maintainerr"
mkdir -p "${CONFIG_ROOT}/uptime-kuma" && chown "${PUID}:${PGID}" "${CONFIG_ROOT}/uptime-kuma"
mkdir -p "${CONFIG_ROOT}/kopia" && chown "${PUID}:${PGID}" "${CONFIG_ROOT}/kopia"
echo "config folders ready"

[ -d "${MEDIA_ROOT}" ] || { echo "media folder ${MEDIA_ROOT} does not exist: create it, or fix .env" >&2; exit 1; }
[ -d "${MEDIA_ROOT}/media" ] || { echo "media folder ${MEDIA_ROOT}/media does not exist: create it, or fix .env" >&2; exit 1; }
