// Baseline for bench/servarr-vs-bare-aspire.sh: the default Servarr stack's containers (same images, environment,
// ports, config bind mounts, volumes, waits) declared with plain Aspire and nothing from Servarr.Hosting: no parameter
// model, no run preparation, no gluetun namespace (the VPN apps are ordinary containers: bare Aspire cannot share a
// network namespace), no Docker health commands. Health: WithHttpHealthCheck on each path the stand-in serves over
// HTTP; watchtower and autokuma serve nothing and are healthy once running.
// Folders: BareConfigRoot and BareMediaRoot (configuration, e.g. env BareConfigRoot=/tmp/x/config).
var builder = DistributedApplication.CreateBuilder(args);

var configRoot = builder.Configuration["BareConfigRoot"] ?? Path.Combine(Path.GetTempPath(), "bare-aspire", "config");
var mediaRoot = builder.Configuration["BareMediaRoot"] ?? Path.Combine(Path.GetTempPath(), "bare-aspire", "media");

IResourceBuilder<ContainerResource> App(string name, string image, string tag, int port, string? healthPath, string endpoint = "http")
{
    Directory.CreateDirectory(Path.Combine(configRoot, name));
    var app = builder.AddContainer(name, image, tag)
        .WithEnvironment("TZ", "Etc/UTC")
        .WithHttpEndpoint(targetPort: port, name: endpoint);
    return healthPath is null ? app : app.WithHttpHealthCheck(healthPath, endpointName: endpoint);
}

IResourceBuilder<ContainerResource> Linuxserver(IResourceBuilder<ContainerResource> app) => app
    .WithEnvironment("PUID", "1000").WithEnvironment("PGID", "1000").WithEnvironment("UMASK", "002")
    .WithBindMount(Path.Combine(configRoot, app.Resource.Name), "/config");

var gluetun = App("gluetun", "docker.io/qmcgaw/gluetun", "v3.41.1", 8000, "/v1/publicip/ip", "control")
    .WithEnvironment("VPN_SERVICE_PROVIDER", "custom").WithEnvironment("VPN_TYPE", "wireguard")
    .WithEnvironment("WIREGUARD_PRIVATE_KEY", "bench").WithEnvironment("WIREGUARD_ADDRESSES", "10.0.0.2/32")
    .WithEnvironment("HTTP_CONTROL_SERVER_ADDRESS", ":8000").WithEnvironment("SERVER_COUNTRIES", "")
    .WithBindMount(Path.Combine(configRoot, "gluetun"), "/gluetun");

var qbittorrent = Linuxserver(App("qbittorrent", "lscr.io/linuxserver/qbittorrent", "5.2.3_v2.0.13-ls469", 8080, "/"))
    .WithEnvironment("WEBUI_PORT", "8080").WithEnvironment("TORRENTING_PORT", "6881")
    .WithEndpoint(targetPort: 6881, name: "torrent")
    .WithBindMount(mediaRoot, "/data")
    .WaitFor(gluetun);
var prowlarr = Linuxserver(App("prowlarr", "lscr.io/linuxserver/prowlarr", "2.5.2.5491-ls155", 9696, "/ping"))
    .WithEnvironment("PROWLARR__AUTH__APIKEY", "bench").WaitFor(gluetun);
var sonarr = Linuxserver(App("sonarr", "lscr.io/linuxserver/sonarr", "4.0.19.2979-ls316", 8989, "/ping"))
    .WithEnvironment("SONARR__AUTH__APIKEY", "bench").WithBindMount(mediaRoot, "/data")
    .WaitFor(gluetun).WaitFor(qbittorrent);
var radarr = Linuxserver(App("radarr", "lscr.io/linuxserver/radarr", "6.2.1.10461-ls308", 7878, "/ping"))
    .WithEnvironment("RADARR__AUTH__APIKEY", "bench").WithBindMount(mediaRoot, "/data")
    .WaitFor(gluetun).WaitFor(qbittorrent);
prowlarr.WithReference(sonarr.GetEndpoint("http")).WithReference(radarr.GetEndpoint("http"));

var plex = builder.AddContainer("plex", "docker.io/plexinc/pms-docker", "1.43.3.10828-00f62d37d")
    .WithEnvironment("TZ", "Etc/UTC").WithEnvironment("PLEX_UID", "1000").WithEnvironment("PLEX_GID", "1000")
    .WithEnvironment("PLEX_CLAIM", "").WithEnvironment("ADVERTISE_IP", "https://plex.example.com:443")
    .WithHttpEndpoint(port: 32400, targetPort: 32400, name: "http", isProxied: false)
    .WithHttpHealthCheck("/identity")
    .WithBindMount(Path.Combine(configRoot, "plex"), "/config")
    .WithBindMount(Path.Combine(mediaRoot, "media"), "/data/media", isReadOnly: true)
    .WithVolume("bare-plex-transcode", "/transcode");
Directory.CreateDirectory(Path.Combine(configRoot, "plex"));

var tautulli = Linuxserver(App("tautulli", "ghcr.io/tautulli/tautulli", "v2.17.2", 8181, "/status"))
    .WithEnvironment("TAUTULLI_API_KEY", "bench").WithReference(plex.GetEndpoint("http")).WaitFor(plex);
var seerr = App("seerr", "ghcr.io/seerr-team/seerr", "v3.4.1", 5055, "/api/v1/status")
    .WithEnvironment("LOG_LEVEL", "info").WithEnvironment("PORT", "5055").WithEnvironment("API_KEY", "bench")
    .WithBindMount(Path.Combine(configRoot, "seerr"), "/app/config")
    .WithReference(plex.GetEndpoint("http")).WithReference(tautulli.GetEndpoint("http")).WaitFor(plex);
var wizarr = Linuxserver(App("wizarr", "ghcr.io/wizarrrr/wizarr", "v2026.7.1", 5690, "/health"))
    .WithReference(plex.GetEndpoint("http")).WaitFor(plex);
Linuxserver(App("maintainerr", "ghcr.io/maintainerr/maintainerr", "3.24.0", 6246, "/api/health/ready"))
    .WithReference(plex.GetEndpoint("http")).WithReference(seerr.GetEndpoint("http")).WaitFor(plex);

App("cloudflared", "docker.io/cloudflare/cloudflared", "2026.8.2", 2000, "/ready", "metrics")
    .WithEnvironment("TUNNEL_METRICS", "0.0.0.0:2000").WithEnvironment("TUNNEL_TOKEN", "bench")
    .WithArgs("tunnel", "run")
    .WaitFor(seerr).WaitFor(wizarr);

var uptimeKuma = App("uptime-kuma", "docker.io/louislam/uptime-kuma", "2.5.3", 3001, "/")
    .WithBindMount(Path.Combine(configRoot, "uptime-kuma"), "/app/data");
builder.AddContainer("autokuma", "ghcr.io/bigboot/autokuma", "2.0.0")
    .WithEnvironment("TZ", "Etc/UTC").WithEnvironment("AUTOKUMA__KUMA__URL", uptimeKuma.GetEndpoint("http"))
    .WithEnvironment("AUTOKUMA__KUMA__USERNAME", "admin").WithEnvironment("AUTOKUMA__KUMA__PASSWORD", "bench")
    .WithEnvironment("AUTOKUMA__DOCKER__HOSTS", "unix:///var/run/docker.sock").WithEnvironment("AUTOKUMA__DOCKER__LABEL_PREFIX", "kuma")
    .WithBindMount("/var/run/docker.sock", "/var/run/docker.sock", isReadOnly: true)
    .WithVolume("bare-autokuma-data", "/data")
    .WaitFor(uptimeKuma);

App("kopia", "docker.io/kopia/kopia", "0.23.1", 51515, "/")
    .WithEnvironment("USER", "kopia").WithEnvironment("KOPIA_PASSWORD", "bench")
    .WithEnvironment("KOPIA_SERVER_USERNAME", "admin").WithEnvironment("KOPIA_SERVER_PASSWORD", "bench")
    .WithEnvironment("KOPIA_SERVER_CONTROL_USER", "server-control").WithEnvironment("KOPIA_SERVER_CONTROL_PASSWORD", "bench")
    .WithArgs("server", "start", "--insecure", "--address=0.0.0.0:51515")
    .WithBindMount(configRoot, "/data", isReadOnly: true)
    .WithVolume("bare-kopia-cache", "/app/cache");

builder.AddContainer("watchtower", "ghcr.io/nicholas-fedor/watchtower", "1.8.0")
    .WithEnvironment("TZ", "Etc/UTC").WithEnvironment("WATCHTOWER_CLEANUP", "true")
    .WithEnvironment("WATCHTOWER_SCHEDULE", "0 0 4 * * *").WithEnvironment("WATCHTOWER_LABEL_ENABLE", "true")
    .WithBindMount("/var/run/docker.sock", "/var/run/docker.sock");

builder.Build().Run();
