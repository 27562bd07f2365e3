// The Servarr stack, top to bottom: parameters, the VPN and what hides behind it, Plex, the tunnel, the apps
// around Plex, monitoring, backups and updates. `dotnet run` runs it; `publish` writes compose or a manifest.
using Servarr.Hosting;

// Aspire's DistributedApplication.CreateBuilder(args).AddServarr(); a broken appsettings.json or user-secrets file, or a
// mistake below, ends `dotnet run` with one `error: ...` line (file and line, or resource) and exit code 1.
var builder = ServarrApp.CreateBuilder(args);

// ── Parameters: non-secret defaults live in appsettings.json; secrets in `dotnet user-secrets` ──────────────
var domain = builder.AddParameter("domain").WithDescription("Your domain; public hostnames are <app>.<domain>");
var tz = builder.AddParameter("tz").WithDescription("Time zone of every app, e.g. Europe/Amsterdam");
var puid = builder.AddParameter("puid").WithDescription("User id that owns config and media files");
var pgid = builder.AddParameter("pgid").WithDescription("Group id that owns config and media files");
// Not set: `dotnet run` uses folders under Servarr.AppHost/.servarr (created on first run); published files keep the
// parameters, with the server paths below as their defaults.
var configRoot = builder.AddFolderParameter("config-root", ".servarr/config", "/srv/servarr/config",
    "Host folder holding each app's config (<config root>/<app>)");
var mediaRoot = builder.AddFolderParameter("media-root", ".servarr/data", "/srv/media",
    "Host folder of the library (media/tv, media/movies) and downloads (torrents)", "media/tv", "media/movies", "torrents");
var host = new HostSettings(tz, puid, pgid, configRoot, mediaRoot);

var vpnProvider = builder.AddParameter("vpn-provider").WithDescription("Gluetun VPN_SERVICE_PROVIDER, e.g. mullvad, protonvpn");
var vpnPrivateKey = builder.AddParameter("wireguard-private-key", secret: true).WithDescription("WireGuard private key from your VPN provider");
var vpnAddresses = builder.AddParameter("wireguard-addresses").WithDescription("WireGuard interface address from your VPN provider, e.g. 10.64.0.2/32");
var vpnCountries = builder.AddOptionalParameter("vpn-countries").WithDescription("VPN server countries, comma separated (empty: any)");
var tunnelMode = builder.AddParameter("tunnel-mode").WithDescription("remote (ingress kept in Cloudflare, run with tunnel-token) or local (config.yml written from this model, run with tunnel-id and <config root>/cloudflared/credentials.json); read when the model is built, so publish again after changing it");
var tunnelToken = builder.AddParameter("tunnel-token", secret: true).WithDescription("Cloudflare tunnel token (tunnel-mode remote)");
var tunnelId = builder.AddOptionalParameter("tunnel-id").WithDescription("Tunnel UUID from `cloudflared tunnel create` (tunnel-mode local)");
var lanAddress = builder.AddOptionalParameter("lan-address").WithDescription("This server's address on your LAN, e.g. 192.168.1.10: Plex advertises http://<it>:32400 first so LAN clients connect directly (empty: only the public URL)");
var plexClaim = builder.AddOptionalParameter("plex-claim", secret: true).WithDescription("Plex claim token from plex.tv/claim (first start only; empty: claim in the web UI)");
var plexToken = builder.AddOptionalParameter("plex-token", secret: true).WithDescription("X-Plex-Token of the account that owns the server (empty: read from Plex's Preferences.xml once claimed); Servarr configures Plex, Seerr, Tautulli and Maintainerr with it");
var r2Account = builder.AddParameter("r2-account-id").WithDescription("Cloudflare account id of the R2 bucket");
var r2Bucket = builder.AddParameter("r2-bucket").WithDescription("R2 bucket holding the Kopia repository");
var r2AccessKey = builder.AddParameter("r2-access-key-id", secret: true).WithDescription("R2 access key id");
var r2SecretKey = builder.AddParameter("r2-secret-access-key", secret: true).WithDescription("R2 secret access key");
var kopiaPassword = builder.AddParameter("kopia-password", secret: true).WithDescription("Password that encrypts the Kopia repository");
var backupTime = builder.AddParameter("backup-time").WithDescription("When Kopia snapshots every config folder: HH:mm, comma separated, in tz");
var keepLatest = builder.AddParameter("backup-keep-latest").WithDescription("Snapshots Kopia keeps: the latest N");
var keepDaily = builder.AddParameter("backup-keep-daily").WithDescription("... plus one per day for N days");
var keepWeekly = builder.AddParameter("backup-keep-weekly").WithDescription("... plus one per week for N weeks");
var keepMonthly = builder.AddParameter("backup-keep-monthly").WithDescription("... plus one per month for N months");
var kumaUser = builder.AddParameter("uptime-kuma-username").WithDescription("Uptime Kuma admin user AutoKuma logs in as (Servarr creates it while Kuma has no user)");
var kumaPassword = builder.AddParameter("uptime-kuma-password", secret: true).WithDescription("Password of that Uptime Kuma user");
var pushbulletToken = builder.AddOptionalParameter("pushbullet-access-token", secret: true).WithDescription("Pushbullet access token for monitor alerts (empty: no alerts)");
var smtp = new SmtpSettings(
    builder.AddOptionalParameter("smtp-host").WithDescription("SMTP server Tautulli mails its weekly newsletter through, e.g. smtp.example.com (empty: no newsletter)"),
    builder.AddOptionalParameter("smtp-port").WithDescription("Its port: 465 is SSL/TLS, any other STARTTLS (empty: 587)"),
    builder.AddOptionalParameter("smtp-username").WithDescription("SMTP login (empty: none)"),
    builder.AddOptionalParameter("smtp-password", secret: true).WithDescription("SMTP password"),
    builder.AddOptionalParameter("newsletter-from").WithDescription("Sender address of the newsletter"),
    builder.AddOptionalParameter("newsletter-to").WithDescription("Recipients of the newsletter, comma separated"));

// ── Network zones: the tunnel reaches only `edge`; apps that call each other meet on `internal`; the VPN apps ──
//    live in gluetun's namespace; AutoKuma reaches only Uptime Kuma (`monitoring`); Kopia and Watchtower reach no
//    app (the stack's default network).
var edge = builder.AddNetwork("edge");
var internalZone = builder.AddNetwork("internal");

// ── The VPN, and the apps that only ever talk through it ────────────────────────────────────────────────────
var gluetun = builder.AddGluetun("gluetun", host, vpnProvider, vpnPrivateKey, vpnAddresses)
    .WithServerCountries(vpnCountries)
    .WithNetwork(internalZone);

var qbittorrent = builder.AddQBittorrent("qbittorrent", host)
    .WithVpn(gluetun)
    .WithAutoUpdate();

var prowlarr = builder.AddProwlarr("prowlarr", host)
    .WithVpn(gluetun)
    .WithAutoUpdate();

var sonarr = builder.AddSonarr("sonarr", host)
    .WithVpn(gluetun).WithAutoUpdate()
    .WithReference(qbittorrent).WaitFor(qbittorrent);

var radarr = builder.AddRadarr("radarr", host)
    .WithVpn(gluetun).WithAutoUpdate()
    .WithReference(qbittorrent).WaitFor(qbittorrent);

// Prowlarr pushes its indexers into Sonarr and Radarr, so it needs their URLs and API keys (not the other way round).
prowlarr.WithReference(sonarr).WithReference(radarr);

// ── Plex: the one port published on the host (32400), for LAN and plex.direct clients; advertised there first, ──
//    then at its public hostname (web UI and sign-in; streams take the direct path, see `doctor`)
var plex = builder.AddPlex("plex", host, plexClaim)
    .WithToken(plexToken)
    .WithAdvertisedUrls(lanAddress, domain)
    .WithPublicHostname("plex")
    .WithNetwork(edge).WithNetwork(internalZone);

sonarr.WithReference(plex.GetEndpoint("http"));
radarr.WithReference(plex.GetEndpoint("http"));

// ── The apps around Plex ─────────────────────────────────────────────────────────────────────────────────────
var tautulli = builder.AddTautulli("tautulli", host)
    .WithReference(plex).WaitFor(plex)
    .WithNewsletter(smtp)
    .WithNetwork(internalZone)
    .WithAutoUpdate();

var seerr = builder.AddSeerr("seerr", host)
    .WithReference(plex).WaitFor(plex)
    .WithReference(sonarr).WithReference(radarr)
    .WithReference(tautulli)
    .WithPublicHostname("seerr")
    .WithNetwork(edge).WithNetwork(internalZone)
    .WithAutoUpdate();

var wizarr = builder.AddWizarr("wizarr", host)
    .WithReference(plex).WaitFor(plex)
    .WithPublicHostname("wizarr")
    .WithNetwork(edge).WithNetwork(internalZone)
    .WithAutoUpdate();

var maintainerr = builder.AddMaintainerr("maintainerr", host)
    .WithReference(plex).WithReference(seerr)
    .WithReference(sonarr).WithReference(radarr)
    .WithReference(tautulli)
    .WaitFor(plex)
    .WithNetwork(internalZone)
    .WithAutoUpdate();

// ── The tunnel: the only way in from the internet ───────────────────────────────────────────────────────────
var cloudflared = builder.AddCloudflared("cloudflared", domain)
    .WithTunnel(tunnelMode, tunnelToken, tunnelId, host)
    .WaitFor(seerr).WaitFor(wizarr)
    .WithNetwork(edge);

// ── Monitoring, backups, updates ─────────────────────────────────────────────────────────────────────────────
// Every container gets a container monitor and every health path an HTTP monitor, derived when the model is built:
// an app added above needs no edit here. Alerts go to Pushbullet; the public apps are on the status page.
var monitoring = builder.AddNetwork("monitoring");
var uptimeKuma = builder.AddUptimeKuma("uptime-kuma", host)
    .WithAdminAccount(kumaUser, kumaPassword) // made over socket.io before anyone can open its first-run page
    .WithPublicHostname("status")
    .WithNetwork(edge).WithNetwork(internalZone).WithNetwork(monitoring) // public status page; monitors reach every app
    .WithAutoUpdate();
cloudflared.WaitFor(uptimeKuma); // routes status.<domain> only once Kuma's admin exists

builder.AddAutoKuma("autokuma", host, uptimeKuma, kumaUser, kumaPassword)
    .WithPushbulletNotification(pushbulletToken)
    .WithStatusPage("servarr", "Servarr")
    .WithNetwork(monitoring); // reaches Uptime Kuma and nothing else

// Every app's config folder, read-only, with the excludes its integration declares; an app added above is backed up too.
builder.AddKopia("kopia", host, kopiaPassword)
    .WithR2Repository(r2Account, r2Bucket, r2AccessKey, r2SecretKey)
    .WithBackupSchedule(backupTime)
    .WithBackupRetention(keepLatest, keepDaily, keepWeekly, keepMonthly)
    .WithConfigBackups();

// Watchtower updates only the apps opted in with WithAutoUpdate() above: not gluetun (its namespace is shared), Plex
// (a restart cuts streams; its pinned image never updates itself: bump the pin), cloudflared (the only way in), Kopia
// (backups) or the monitoring agent.
builder.AddWatchtower("watchtower", host);

return await builder.Build().RunServarrAsync();
