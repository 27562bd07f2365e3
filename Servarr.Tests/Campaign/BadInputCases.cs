using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Tests.Campaign;

/// <summary>
/// Issue 15's campaign table: bad inputs a new user makes in Program.cs or its parameter values, each a mutation of an
/// otherwise clean model and the one line expected. The in-process test checks the model's report; the process test
/// runs each through a real AppHost program (TestSupport/CampaignHost, which compiles this file) and checks the exit code,
/// the single <c>error:</c> line and that nothing was written. Adding a case is one line in <see cref="All"/>:
/// <c>new("what the user did", b => App(b).WithSomething("bad"), "resource 'app': ..."),</c> (use
/// <see cref="BadInput.WithConfiguration"/> for a parameter value).
/// </summary>
public static class BadInputCases
{
    /// <summary>One bad input: the mutation of a clean model, configuration (parameter values), and the one line expected.</summary>
    public sealed record BadInput(string Name, Action<IDistributedApplicationBuilder> Mutate, string Expected,
        IReadOnlyDictionary<string, string?>? Configuration = null)
    {
        /// <summary>The same mistake with parameter values set (as appsettings.json or user secrets would).</summary>
        public BadInput WithConfiguration(params (string Key, string? Value)[] values) =>
            this with { Configuration = values.ToDictionary(v => v.Key, v => v.Value) };

        public override string ToString() => Name;
    }

    /// <summary>A clean container the cases change: an HTTP endpoint, a pinned image, nothing else.</summary>
    internal static IResourceBuilder<ContainerResource> App(IDistributedApplicationBuilder builder, string name = "app") =>
        builder.AddContainer(name, "docker.io/library/app", "1.0").WithHttpEndpoint(targetPort: 8080);

    private static readonly string Hostname = "'{0}' is not one DNS label; use lowercase letters, digits and inner hyphens, at most 63 characters, e.g. \"{1}\" (it becomes <subdomain>.<domain>)";

    private static string PublicHostname(string value, string suggested) =>
        $"resource 'app': .WithPublicHostname({InputChecks.Quote(value)}): " + string.Format(System.Globalization.CultureInfo.InvariantCulture, Hostname, value, suggested);

    /// <summary>Every case.</summary>
    public static IReadOnlyList<BadInput> All { get; } =
    [
        // ── Public hostnames ─────────────────────────────────────────────────────────────────────────────────
        new("public hostname with a capital", b => App(b).WithPublicHostname("Requests"), PublicHostname("Requests", "requests")),
        new("public hostname with an underscore", b => App(b).WithPublicHostname("bad_host"), PublicHostname("bad_host", "bad-host")),
        new("public hostname with a dot", b => App(b).WithPublicHostname("a.b"), PublicHostname("a.b", "a-b")),
        new("public hostname empty", b => App(b).WithPublicHostname(""), PublicHostname("", "app")),
        new("public hostname blank", b => App(b).WithPublicHostname("  "), PublicHostname("  ", "app")),
        new("public hostname with a leading hyphen", b => App(b).WithPublicHostname("-app"), PublicHostname("-app", "app")),
        new("public hostname of 64 characters", b => App(b).WithPublicHostname(new string('a', 64)), PublicHostname(new string('a', 64), new string('a', 63))),
        new("public hostname with a newline", b => App(b).WithPublicHostname("a\nb"), PublicHostname("a\nb", "a-b").Replace("'a\nb'", "'a\\nb'", StringComparison.Ordinal)),
        // ── Ports ───────────────────────────────────────────────────────────────────────────────────────────
        new("host port 70000", b => App(b, "web").WithHttpEndpoint(name: "admin", port: 70000, targetPort: 80).WithHostPortAllowed("LAN"),
            "resource 'web': endpoint 'admin' has host port 70000, outside 1-65535; pass a port the app can listen on"),
        new("host port -1", b => App(b, "web").WithHttpEndpoint(name: "admin", port: -1, targetPort: 80).WithHostPortAllowed("LAN"),
            "resource 'web': endpoint 'admin' has host port -1, outside 1-65535; pass a port the app can listen on"),
        new("target port 0", b => b.AddContainer("web", "docker.io/library/app", "1.0").WithHttpEndpoint(targetPort: 0),
            "resource 'web': endpoint 'http' has target port 0, outside 1-65535; pass a port the app can listen on"),
        // ── Reasons the hardening exceptions need ──────────────────────────────────────────────────────────────
        new("host port allowed without a reason", b => App(b).WithHostPortAllowed(""),
            "resource 'app': .WithHostPortAllowed(\"\"): the reason for a host port is empty; say it in a few words, e.g. \"LAN clients connect to 32400\""),
        new("new privileges without a reason", b => App(b).WithNewPrivileges(" "),
            "resource 'app': .WithNewPrivileges(\" \"): the reason to allow new privileges is empty; say it in a few words, e.g. \"its entrypoint calls sudo\""),
        new("Docker socket without a reason", b => App(b).WithDockerSocket(""),
            "resource 'app': .WithDockerSocket(\"\"): the reason to read the Docker engine is empty; say it in a few words, e.g. \"reads container labels\""),
        // ── Runtime settings ────────────────────────────────────────────────────────────────────────────────
        new("a file as a device", b => App(b).WithDevice("/etc/shadow"),
            "resource 'app': .WithDevice(\"/etc/shadow\"): '/etc/shadow' is not a device; pass a path under /dev, e.g. \"/dev/net/tun\" (files and folders are mounts: .WithBindMount)"),
        new("a relative device", b => App(b).WithDevice("net/tun"),
            "resource 'app': .WithDevice(\"net/tun\"): 'net/tun' is not a device; pass a path under /dev, e.g. \"/dev/net/tun\" (files and folders are mounts: .WithBindMount)"),
        new("host name with an underscore and a bang", b => App(b).WithHostname("bad_host!"),
            "resource 'app': .WithHostname(\"bad_host!\"): 'bad_host!' is not a host name; use letters, digits and '-', at most 63 characters, e.g. \"bad-host\""),
        new("host name empty", b => App(b).WithHostname(""),
            "resource 'app': .WithHostname(\"\"): '' is not a host name; use letters, digits and '-', at most 63 characters, e.g. \"app\""),
        new("capability with a space", b => App(b).WithCapability("NET ADMIN"),
            "resource 'app': .WithCapability(\"NET ADMIN\"): 'NET ADMIN' is not a Linux capability name; pass one like \"NET_ADMIN\" (see capabilities(7))"),
        new("capability empty", b => App(b).WithCapability(""),
            "resource 'app': .WithCapability(\"\"): '' is not a Linux capability name; pass one like \"NET_ADMIN\" (see capabilities(7))"),
        // ── Mounts ──────────────────────────────────────────────────────────────────────────────────────────
        new("relative mount target (Servarr's WithBindMount)", b => App(b).WithBindMount(ServarrExpressions.Literal("/srv/app"), "config"),
            "resource 'app': .WithBindMount(\"/srv/app\", \"config\"): the mount target must be an absolute path inside the container; pass e.g. \"/config\""),
        new("relative mount target (Aspire's WithBindMount)", b => App(b).WithBindMount("/srv/app", "./config"),
            "resource 'app': .WithBindMount(\"/srv/app\", \"./config\"): the mount target must be an absolute path inside the container; pass e.g. \"/config\""),
        new("relative volume target", b => App(b).WithVolume("app-data", "data"),
            "resource 'app': .WithVolume(\"app-data\", \"data\"): the mount target must be an absolute path inside the container; pass e.g. \"/data\""),
        new("relative writable path", b => App(b).WithWritablePath("cache"),
            "resource 'app': .WithWritablePath(\"cache\"): the writable path must be an absolute path inside the container; pass e.g. \"/cache\""),
        // ── Backups ─────────────────────────────────────────────────────────────────────────────────────────
        new("backup exclude with a quote", b => App(b).WithBackupExcludes("it's"),
            "resource 'app': .WithBackupExcludes(\"it's\"): exclude pattern \"it's\" holds a single quote or a line break, which Kopia's start-up script cannot quote; match that character with ? instead"),
        new("backup exclude with a newline", b => App(b).WithBackupExcludes("logs/\n*"),
            "resource 'app': .WithBackupExcludes(\"logs/\\n*\"): exclude pattern \"logs/\\n*\" holds a single quote or a line break, which Kopia's start-up script cannot quote; match that character with ? instead"),
        new("backup exclude empty", b => App(b).WithBackupExcludes("Backups/", ""),
            "resource 'app': .WithBackupExcludes(\"Backups/\", \"\"): an exclude pattern is empty; remove it or write one, e.g. \"*.tmp\""),
        new("backup excludes none", b => App(b).WithBackupExcludes(),
            "resource 'app': .WithBackupExcludes(): no pattern given; pass at least one, e.g. \"Backups/\""),
        // ── Health ──────────────────────────────────────────────────────────────────────────────────────────
        new("health path without a slash", b => App(b).WithHealthPath("ping"),
            "resource 'app': .WithHealthPath(\"ping\"): health path 'ping' does not start with '/'; pass e.g. \"/ping\""),
        // ── Images ──────────────────────────────────────────────────────────────────────────────────────────
        new("image tag 'latest'", b => b.AddContainer("app", "docker.io/library/app", "latest"),
            "resource 'app': image 'docker.io/library/app:latest' uses tag 'latest', which changes under you; pin a version with .WithImageTag(\"<version>\")"),
        // ── Monitoring, updates, labels ─────────────────────────────────────────────────────────────────────────
        new("opting out of monitoring without a reason", b => App(b).WithoutMonitoring(""),
            "resource 'app': .WithoutMonitoring(\"\"): the reason to leave the app unmonitored is empty; say it in a few words, e.g. \"runs once a day\""),
        new("Watchtower with an empty schedule", b => b.AddWatchtower("watchtower", Host(b), ""),
            "resource 'watchtower': AddWatchtower(\"watchtower\", host, \"\"): the schedule is empty; pass a six-field cron expression, e.g. \"0 0 4 * * *\" (04:00 daily), or leave it out"),
        new("label with an empty key", b => App(b).WithLabel("", "x"),
            "resource 'app': .WithLabel(\"\", ...): label key '' is empty or holds a space, '=' or a line break; pass a key like \"com.example.role\""),
        new("Kopia repository at a relative path", b => b.AddKopia("kopia", Host(b), b.AddParameter("kopia-password", "x", secret: true)).WithFilesystemRepository("backups"),
            "resource 'kopia': .WithFilesystemRepository(\"backups\"): the repository folder must be an absolute path on the host; pass e.g. \"/mnt/nas/kopia\""),
        new("Kopia backing up an app without a config folder", b => b.AddKopia("kopia", Host(b), b.AddParameter("kopia-password", "x", secret: true)).WithFilesystemRepository("/srv/kopia").WithConfigBackupOf(App(b)),
            "resource 'kopia': .WithConfigBackupOf(app): 'app' has no config bind mount to back up; give it one with .WithConfigMount(host) before this call"),
        // ── Parameters declared in Program.cs ───────────────────────────────────────────────────────────────────
        new("folder parameter with a relative published value", b => b.AddFolderParameter("media-root", ".servarr/data", "srv/media"),
            "resource 'media-root': AddFolderParameter(\"media-root\", \".servarr/data\", \"srv/media\"): the published value \"srv/media\" is not an absolute path on the server; pass e.g. \"/srv/media\""),
        new("folder parameter without a development folder", b => b.AddFolderParameter("media-root", "", "/srv/media"),
            "resource 'media-root': AddFolderParameter(\"media-root\", \"\", \"/srv/media\"): the development folder is empty; pass a folder under the AppHost, e.g. \".servarr/data\""),
        new("generated secret of 4 characters", b => b.AddGeneratedSecret("app-api-key", 4),
            "resource 'app-api-key': AddGeneratedSecret(\"app-api-key\", 4): a generated secret of fewer than 8 characters is guessable; pass length: 8 or more (the default is 32), or leave it out"),
        // ── Names ───────────────────────────────────────────────────────────────────────────────────────────
        new("resource name with a capital", b => App(b, Name("Sonarr-4K")),
            "resource 'Sonarr-4K': invalid name 'Sonarr-4K'; use lowercase letters, digits and single hyphens, starting with a letter, at most 63 characters (e.g. 'sonarr-4k')"),

        // ── Hardening on resolved values (issue 15 §4) ───────────────────────────────────────────────────────
        new("device /dev/mem", b => App(b).WithDevice("/dev/mem"),
            "resource 'app': passes device /dev/mem through, which gives the container the host's hardware; remove it (allowed: /dev/net/tun for a VPN, /dev/dri for hardware transcoding)"),
        new("device /dev/sda", b => App(b).WithDevice("/dev/sda"),
            "resource 'app': passes device /dev/sda through, which gives the container the host's hardware; remove it (allowed: /dev/net/tun for a VPN, /dev/dri for hardware transcoding)"),
        new("device climbing out of /dev/dri", b => App(b).WithDevice("/dev/dri/../sda"),
            "resource 'app': passes device /dev/dri/../sda through, which gives the container the host's hardware; remove it (allowed: /dev/net/tun for a VPN, /dev/dri for hardware transcoding)"),
        new("capability SYS_TIME", b => App(b).WithCapability("SYS_TIME"),
            "resource 'app': adds capability SYS_TIME, which sets the host's clock; remove it (allowed: Docker's defaults such as CHOWN, SETUID, NET_BIND_SERVICE, and NET_ADMIN on a VPN gateway)"),
        new("capability BPF", b => App(b).WithCapability("BPF"),
            "resource 'app': adds capability BPF, which loads eBPF programs into the host's kernel; remove it (allowed: Docker's defaults such as CHOWN, SETUID, NET_BIND_SERVICE, and NET_ADMIN on a VPN gateway)"),
        new("capability PERFMON", b => App(b).WithCapability("PERFMON"),
            "resource 'app': adds capability PERFMON, which reads the host's performance and kernel data; remove it (allowed: Docker's defaults such as CHOWN, SETUID, NET_BIND_SERVICE, and NET_ADMIN on a VPN gateway)"),
        new("capability that does not exist", b => App(b).WithCapability("NET_BIND"),
            "resource 'app': adds capability 'NET_BIND', which is not a Linux capability; remove it, or write its name from capabilities(7) without CAP_ (e.g. NET_BIND_SERVICE)"),
        new("capability ALL", b => App(b).WithCapability("ALL"),
            "resource 'app': adds capability ALL, which is as good as a privileged container; remove it (Servarr runs no privileged containers)"),
        new("NET_ADMIN outside a VPN gateway", b => App(b).WithCapability("NET_ADMIN"),
            "resource 'app': adds capability NET_ADMIN, which reconfigures the network (only a VPN gateway needs it); remove it (allowed: Docker's defaults such as CHOWN, SETUID, NET_BIND_SERVICE, and NET_ADMIN on a VPN gateway)"),
        new("socket folder /var/run", b => App(b).WithBindMount("/var/run", "/host-run", isReadOnly: true),
            "resource 'app': mounts /var/run at /host-run, a folder holding the container engine's socket (root on the host, read-only or not); mount only the folders the app needs"),
        new("containerd's socket", b => App(b).WithBindMount("/run/containerd/containerd.sock", "/run/containerd/containerd.sock", isReadOnly: true),
            "resource 'app': mounts the container engine's socket /run/containerd/containerd.sock at /run/containerd/containerd.sock, which is root on the host; remove the mount (only the Docker socket may be mounted, read-only, with .WithDockerSocket(\"what it reads\"))"),
        new("writable /etc", b => App(b).WithBindMount("/etc", "/host-etc"),
            "resource 'app': mounts the host's system folder /etc writable at /host-etc; mount a folder of the app's own, or pass isReadOnly: true"),
        new("writable / ", b => App(b).WithBindMount("/", "/host"),
            "resource 'app': mounts / at /host, a folder holding the container engine's socket (root on the host, read-only or not); mount only the folders the app needs"),
        new("image with a trailing space in the tag", b => b.AddContainer("app", "docker.io/library/app", "latest "),
            "resource 'app': image reference 'docker.io/library/app:latest ' is not valid (it contains white space); write it as registry/name:tag in lower case without spaces, e.g. docker.io/linuxserver/sonarr:4.0.15"),
        new("image in upper case", b => b.AddContainer("app", "docker.io/Library/App", "1.0"),
            "resource 'app': image reference 'docker.io/Library/App:1.0' is not valid (the repository must be lower case); write it as registry/name:tag in lower case without spaces, e.g. docker.io/linuxserver/sonarr:4.0.15"),
        new("public hostname ssh", b => App(b).WithPublicHostname("ssh"),
            "resource 'app': public hostname 'ssh' would shadow the SSH route the cloudflare publisher adds (ssh.<domain>); choose another subdomain"),
        new("public hostname starting with a digit", b => App(b).WithPublicHostname("4k"),
            "resource 'app': public hostname '4k' starts with a digit, so it cannot name its terraform DNS record; start it with a letter (e.g. 'app4k')"),

        // ── Admin ports on 127.0.0.1 (issue 15 §5) ───────────────────────────────────────────────────────────
        new("loopback port 0", b => App(b).WithLoopbackPort(hostPort: 0),
            "resource 'app': .WithLoopbackPort(\"http\", hostPort: 0): loopback port 0 is not a TCP port; pass a hostPort from 1 to 65535"),
        new("loopback port above 65535", b => App(b).WithLoopbackPort(hostPort: 70000),
            "resource 'app': .WithLoopbackPort(\"http\", hostPort: 70000): loopback port 70000 is not a TCP port; pass a hostPort from 1 to 65535"),
        new("loopback port on a missing endpoint", b => App(b).WithLoopbackPort("admin"),
            "resource 'app': .WithLoopbackPort(\"admin\"): it has no endpoint 'admin'; add it (WithHttpEndpoint) before WithLoopbackPort, or name one it has"),
        new("two loopback ports on one host port", b => { App(b).WithLoopbackPort(); App(b, "other").WithLoopbackPort(); },
            "resource 'other': its loopback port 127.0.0.1:8080 is taken by 'app'; give one of them another port with .WithLoopbackPort(hostPort: ...)"),

        // ── Exposure by design (issue 15 §5) ─────────────────────────────────────────────────────────────────
        new("an admin UI on a public hostname without a sign-in", b => App(b).WithLoopbackPort().WithPublicHostname("admin"),
            "resource 'app': public hostname 'admin' would put its admin UI on the internet with no sign-in in front; add .WithCloudflareAccess() (a Cloudflare Access application for the identities in admin_emails), or remove .WithPublicHostname(\"admin\") and use 127.0.0.1:8080 on the server over ssh -L"),
        new("a sign-in with no public hostname", b => App(b).WithCloudflareAccess(),
            "resource 'app': has .WithCloudflareAccess() but no public hostname for it to guard; add .WithPublicHostname(\"<subdomain>\") or remove .WithCloudflareAccess()"),
        new("keeping a capability that is not a default", b => App(b).WithOnlyCapabilities("CHOWN", "NET_ADMIN"),
            "resource 'app': keeps capability NET_ADMIN in .WithOnlyCapabilities(...), which is not one of Docker's defaults; list only defaults there (e.g. CHOWN, SETUID, SETGID) and add NET_ADMIN with .WithCapability(\"NET_ADMIN\"), where it is checked"),
        new("keeping a capability with a typo", b => App(b).WithOnlyCapabilities("CHOWN", "SET-UID"),
            "resource 'app': .WithOnlyCapabilities(\"CHOWN\", \"SET-UID\"): 'SET-UID' is not a Linux capability name; pass one like \"NET_ADMIN\" (see capabilities(7))"),
        new("a memory limit of 1 MiB", b => App(b).WithResourceLimits(memoryMiB: 1),
            "resource 'app': .WithResourceLimits(memoryMiB: 1): memory limit 1 MiB is below Docker's minimum of 6 MiB; pass memoryMiB: a number of MiB such as 2048"),
        new("a negative CPU limit", b => App(b).WithResourceLimits(cpus: -2),
            "resource 'app': .WithResourceLimits(cpus: -2): CPU limit -2 is not a CPU count Docker takes; pass cpus: from 0.01 to 1024 with at most two decimals, e.g. 1.5"),
        // ── What the model configures inside the apps (issue 16) ───────────────────────────────────────────────
        new("a relative root folder", b => b.AddSonarr("sonarr", Host(b)).WithRootFolder("media/tv"),
            "resource 'sonarr': .WithRootFolder(\"media/tv\"): root folder 'media/tv' is not an absolute path inside the container; pass e.g. \"/data/media/tv\" (under the media mount, so imports hardlink)"),
        new("a root folder outside every mount", b => b.AddRadarr("radarr", Host(b)).WithRootFolder("/movies"),
            "resource 'radarr': root folder '/movies' is in none of its mounts (/config, /data), so the library would live inside the container; put it under the media mount, e.g. '/data/media/movies'"),
    ];

    private static string Name(string name) => name; // keeps Aspire's analyzer from refusing a constant name at compile time

    /// <summary>The host settings the apps of a case need (the default stack's parameters, with values).</summary>
    internal static HostSettings Host(IDistributedApplicationBuilder builder) => new(
        builder.AddParameter("tz", "Etc/UTC", publishValueAsDefault: true),
        builder.AddParameter("puid", "1000", publishValueAsDefault: true),
        builder.AddParameter("pgid", "1000", publishValueAsDefault: true),
        builder.AddParameter("config-root", "/srv/servarr/config", publishValueAsDefault: true),
        builder.AddParameter("media-root", "/srv/media", publishValueAsDefault: true));
}
