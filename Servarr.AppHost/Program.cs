// The Servarr stack, top to bottom: parameters, the VPN and what hides behind it, Plex, the tunnel, the apps
// around Plex, monitoring, backups and updates. `dotnet run` runs it; `publish` writes compose or a manifest.
using Servarr.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

// ── Parameters: non-secret defaults live in appsettings.json; secrets in `dotnet user-secrets` ──────────────
var domain = builder.AddParameter("domain", description: "Your domain; public hostnames are <app>.<domain>");
var tz = builder.AddParameter("tz", description: "Time zone of every app, e.g. Europe/Amsterdam");
var puid = builder.AddParameter("puid", description: "User id that owns config and media files");
var pgid = builder.AddParameter("pgid", description: "Group id that owns config and media files");
var configRoot = builder.AddParameter("config-root", description: "Host folder holding each app's config (<config root>/<app>)");
var mediaRoot = builder.AddParameter("media-root", description: "Host folder of the library (media/tv, media/movies) and downloads (torrents)");
var host = new HostSettings(tz, puid, pgid, configRoot, mediaRoot);

var vpnProvider = builder.AddParameter("vpn-provider", description: "Gluetun VPN_SERVICE_PROVIDER, e.g. mullvad, protonvpn");
var vpnPrivateKey = builder.AddParameter("wireguard-private-key", secret: true, description: "WireGuard private key from your VPN provider");
var vpnAddresses = builder.AddParameter("wireguard-addresses", description: "WireGuard interface address from your VPN provider, e.g. 10.64.0.2/32");
var vpnCountries = builder.AddParameter("vpn-countries", description: "VPN server countries, comma separated (empty: any)");
var tunnelToken = builder.AddParameter("tunnel-token", secret: true, description: "Cloudflare tunnel token");
var plexClaim = builder.AddParameter("plex-claim", secret: true, defaultValue: "", description: "Plex claim token from plex.tv/claim (first start only; empty: claim in the web UI)");
var r2Account = builder.AddParameter("r2-account-id", description: "Cloudflare account id of the R2 bucket");
var r2Bucket = builder.AddParameter("r2-bucket", description: "R2 bucket holding the Kopia repository");
var r2AccessKey = builder.AddParameter("r2-access-key-id", secret: true, description: "R2 access key id");
var r2SecretKey = builder.AddParameter("r2-secret-access-key", secret: true, description: "R2 secret access key");
var kopiaPassword = builder.AddParameter("kopia-password", secret: true, description: "Password that encrypts the Kopia repository");
var backupTime = builder.AddParameter("backup-time", description: "When Kopia snapshots every config folder: HH:mm, comma separated, in tz");
var keepLatest = builder.AddParameter("backup-keep-latest", description: "Snapshots Kopia keeps: the latest N");
var keepDaily = builder.AddParameter("backup-keep-daily", description: "... plus one per day for N days");
var keepWeekly = builder.AddParameter("backup-keep-weekly", description: "... plus one per week for N weeks");
var keepMonthly = builder.AddParameter("backup-keep-monthly", description: "... plus one per month for N months");
var smtpHost = builder.AddParameter("smtp-host", description: "SMTP server for Tautulli newsletters (empty: none)");
var smtpPort = builder.AddParameter("smtp-port", description: "SMTP port");
var smtpUser = builder.AddParameter("smtp-username", description: "SMTP user name");
var smtpPassword = builder.AddParameter("smtp-password", secret: true, defaultValue: "", description: "SMTP password (empty: none)");

// ── The VPN, and the apps that only ever talk through it ────────────────────────────────────────────────────
var gluetun = builder.AddGluetun("gluetun", host, vpnProvider, vpnPrivateKey, vpnAddresses)
    .WithServerCountries(vpnCountries);

var qbittorrent = builder.AddQBittorrent("qbittorrent", host)
    .WithVpn(gluetun);

var prowlarr = builder.AddProwlarr("prowlarr", host)
    .WithVpn(gluetun);

var sonarr = builder.AddSonarr("sonarr", host)
    .WithVpn(gluetun)
    .WithReference(qbittorrent).WaitFor(qbittorrent);

var radarr = builder.AddRadarr("radarr", host)
    .WithVpn(gluetun)
    .WithReference(qbittorrent).WaitFor(qbittorrent);

// Prowlarr pushes its indexers into Sonarr and Radarr, so it needs their URLs and API keys (not the other way round).
prowlarr.WithReference(sonarr).WithReference(radarr);

// ── Plex: the one port published on the host (32400), for LAN and plex.direct clients ───────────────────────
var plex = builder.AddPlex("plex", host, plexClaim)
    .WithEnvironment("ADVERTISE_IP", $"https://plex.{domain}:443")
    .WithPublicHostname("plex");

sonarr.WithReference(plex.GetEndpoint("http"));
radarr.WithReference(plex.GetEndpoint("http"));

// ── The apps around Plex ─────────────────────────────────────────────────────────────────────────────────────
var tautulli = builder.AddTautulli("tautulli", host)
    .WithReference(plex).WaitFor(plex)
    .WithNewsletterSmtp(smtpHost, smtpPort, smtpUser, smtpPassword);

var seerr = builder.AddSeerr("seerr", host)
    .WithReference(plex).WaitFor(plex)
    .WithReference(sonarr).WithReference(radarr)
    .WithReference(tautulli)
    .WithPublicHostname("seerr");

var wizarr = builder.AddWizarr("wizarr", host)
    .WithReference(plex).WaitFor(plex)
    .WithPublicHostname("wizarr");

var maintainerr = builder.AddMaintainerr("maintainerr", host)
    .WithReference(plex).WithReference(seerr)
    .WithReference(sonarr).WithReference(radarr)
    .WithReference(tautulli)
    .WaitFor(plex);

// ── The tunnel: the only way in from the internet ───────────────────────────────────────────────────────────
var cloudflared = builder.AddCloudflared("cloudflared", tunnelToken)
    .WaitFor(seerr).WaitFor(wizarr);

// ── Monitoring, backups, updates ─────────────────────────────────────────────────────────────────────────────
var uptimeKuma = builder.AddUptimeKuma("uptime-kuma", host)
    .WithPublicHostname("status");

// Every app's config folder, read-only, with the excludes its integration declares; an app added above is backed up too.
builder.AddKopia("kopia", host, kopiaPassword)
    .WithR2Repository(r2Account, r2Bucket, r2AccessKey, r2SecretKey)
    .WithBackupSchedule(backupTime)
    .WithBackupRetention(keepLatest, keepDaily, keepWeekly, keepMonthly)
    .WithConfigBackups();

builder.AddWatchtower("watchtower", host);

return await builder.Build().RunAsync();
