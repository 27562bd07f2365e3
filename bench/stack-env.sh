# Sourced by the benchmarks that run the default stack with stand-in images: after `source bench/stack-env.sh "$WORK"`,
# STACK_NAMES holds the stack's container names and STACK_PARAMS (for `env "${STACK_PARAMS[@]}" ...`) a value for every
# required parameter, with throw-away config and media folders under $WORK.
STACK_NAMES=(gluetun qbittorrent prowlarr sonarr radarr plex tautulli seerr wizarr maintainerr cloudflared uptime-kuma kopia watchtower)
mkdir -p "$1/media/media"
STACK_PARAMS=("Parameters__config-root=$1/config" "Parameters__media-root=$1/media")
for p in vpn-provider wireguard-private-key wireguard-addresses tunnel-token r2-account-id r2-bucket r2-access-key-id r2-secret-access-key kopia-password; do
    STACK_PARAMS+=("Parameters__$p=bench-$p")
done
