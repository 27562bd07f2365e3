using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Bench;

/// <summary>
/// Declares a large, valid, deterministic model of exactly <c>size</c> resources on a builder, shaped like many copies
/// of a real media stack. After eight shared parameters it repeats blocks of 50 resources:
/// <list type="bullet">
/// <item>7 parameters (a generated secret, a plain secret, non-secret defaults used in env, args and mount paths);</item>
/// <item>1 network;</item>
/// <item>1 Gluetun gateway (<c>AddGluetun</c>) and 6 apps behind it (<c>WithVpn</c>), each on its own target port;</item>
/// <item>1 one-shot job (restart: no) that the first tier waits to complete;</item>
/// <item>34 apps in 5 tiers: each app references and waits for the one a tier up, so wait chains are at most
///       6 deep (job, then tiers 0 to 4) and there is no cycle. They also reference an app of the previous block
///       and apps behind the VPN, and carry endpoints, host ports, env from parameters and endpoints, bind mounts built
///       from parameters, relative bind mounts, volumes, health checks, args, users and labels.</item>
/// </list>
/// The last block is cut short so the model has exactly <c>size</c> resources; every reference points backwards,
/// so a cut block is still valid.
/// </summary>
internal sealed class SyntheticStack
{
    public const int BlockSize = 50;
    private const int TierWidth = 7;
    private const int AppsPerBlock = 34;
    private const int VpnAppsPerBlock = 6;

    private readonly IDistributedApplicationBuilder _builder;
    private readonly int _size;
    private int _hostPort = 20000;

    private SyntheticStack(IDistributedApplicationBuilder builder, int size)
    {
        _builder = builder;
        _size = size;
    }

    private bool Full => _builder.Resources.Count >= _size;

    /// <summary>Adds <paramref name="size"/> resources to <paramref name="builder"/>.</summary>
    public static void Declare(IDistributedApplicationBuilder builder, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 8);
        new SyntheticStack(builder, size).Declare();
    }

    private void Declare()
    {
        var host = new HostSettings(
            _builder.AddParameter("tz", defaultValue: "Etc/UTC"),
            _builder.AddParameter("puid", defaultValue: "1000"),
            _builder.AddParameter("pgid", defaultValue: "1000"),
            _builder.AddParameter("config-root", defaultValue: "/srv/servarr/config"),
            _builder.AddParameter("media-root", defaultValue: "/srv/media"));
        var vpnProvider = _builder.AddParameter("vpn-provider", defaultValue: "mullvad");
        var vpnKey = _builder.AddParameter("wireguard-private-key", secret: true);
        var vpnAddresses = _builder.AddParameter("wireguard-addresses", defaultValue: "10.64.0.2/32");

        IResourceBuilder<ContainerResource>? previousBlockApp = null;
        for (var block = 0; !Full; block++)
        {
            previousBlockApp = DeclareBlock(block, host, vpnProvider, vpnKey, vpnAddresses, previousBlockApp);
        }
    }

    // Declares one block; returns its first app, which the next block references.
    private IResourceBuilder<ContainerResource>? DeclareBlock(int block, HostSettings host, IResourceBuilder<ParameterResource> vpnProvider,
        IResourceBuilder<ParameterResource> vpnKey, IResourceBuilder<ParameterResource> vpnAddresses,
        IResourceBuilder<ContainerResource>? previousBlockApp)
    {
        var prefix = $"b{block}";
        var parameters = new List<IResourceBuilder<ParameterResource>>();
        string[] names = ["api-key", "password", "data-root", "domain", "log-level", "port", "region"];
        foreach (var name in names)
        {
            if (Full)
            {
                return null;
            }

            var full = $"{prefix}-{name}";
            parameters.Add(name switch
            {
                "api-key" => _builder.AddGeneratedSecret(full),
                "password" => _builder.AddParameter(full, secret: true, description: "A secret without a default"),
                "data-root" => _builder.AddParameter(full, defaultValue: $"/srv/data/{prefix}"),
                "domain" => _builder.AddParameter(full, defaultValue: $"{prefix}.example.com"),
                "log-level" => _builder.AddParameter(full, defaultValue: "info"),
                "port" => _builder.AddParameter(full, defaultValue: "8080"),
                _ => _builder.AddParameter(full, defaultValue: "nl,se"),
            });
        }

        var (apiKey, password, dataRoot, domain, logLevel, port, region) =
            (parameters[0], parameters[1], parameters[2], parameters[3], parameters[4], parameters[5], parameters[6]);

        if (Full)
        {
            return null;
        }

        var network = _builder.AddNetwork($"{prefix}-net");

        if (Full)
        {
            return null;
        }

        var gateway = _builder.AddGluetun($"{prefix}-vpn", host, vpnProvider, vpnKey, vpnAddresses).WithServerCountries(region);

        var tunnelled = new List<IResourceBuilder<ContainerResource>>();
        for (var k = 0; k < VpnAppsPerBlock; k++)
        {
            if (Full)
            {
                return null;
            }

            // Apps in one namespace need distinct ports; the gateway itself listens on 8000.
            var targetPort = 9100 + k;
            var app = _builder.AddContainer($"{prefix}-vpn-app-{k}", $"lscr.io/linuxserver/vpnapp{k}", "4.0.1-ls12")
                .WithHttpEndpoint(targetPort: targetPort)
                .WithLinuxServerEnvironment(host)
                .WithEnvironment("WEBUI_PORT", targetPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .WithConfigMount(host)
                .WithMediaMount(host, "/data", "torrents")
                .WithVpn(gateway);
            if (previousBlockApp is not null)
            {
                app.WithReference(previousBlockApp);
            }

            tunnelled.Add(app);
        }

        if (Full)
        {
            return null;
        }

        var job = _builder.AddContainer($"{prefix}-migrate", "ghcr.io/bench/migrate", "2.1.0")
            .WithRestartPolicy(RestartPolicy.No)
            .WithArgs("migrate", "--data", ReferenceExpression.Create($"{dataRoot}/db"))
            .WithEnvironment("DB_PASSWORD", password)
            .WithBindMount(ReferenceExpression.Create($"{dataRoot}/db"), "/db");

        var apps = new List<IResourceBuilder<ContainerResource>>();
        for (var j = 0; j < AppsPerBlock; j++)
        {
            if (Full)
            {
                break;
            }

            apps.Add(DeclareApp(prefix, j, host, apps, tunnelled, job, previousBlockApp,
                (apiKey, password, dataRoot, domain, logLevel, port), network));
        }

        return apps.Count > 0 ? apps[0] : null;
    }

    private IResourceBuilder<ContainerResource> DeclareApp(string prefix, int j, HostSettings host,
        List<IResourceBuilder<ContainerResource>> apps, List<IResourceBuilder<ContainerResource>> tunnelled,
        IResourceBuilder<ContainerResource> job, IResourceBuilder<ContainerResource>? previousBlockApp,
        (IResourceBuilder<ParameterResource> ApiKey, IResourceBuilder<ParameterResource> Password, IResourceBuilder<ParameterResource> DataRoot,
            IResourceBuilder<ParameterResource> Domain, IResourceBuilder<ParameterResource> LogLevel, IResourceBuilder<ParameterResource> Port) p,
        IResourceBuilder<NetworkResource> network)
    {
        var tier = j / TierWidth;
        var name = $"{prefix}-app-{j}";
        var app = _builder.AddContainer(name, $"ghcr.io/bench/app{j % 10}", $"1.{j}.0")
            .WithHttpEndpoint(targetPort: 8080)
            .WithLinuxServerEnvironment(host)
            .WithEnvironment("LOG_LEVEL", p.LogLevel)
            .WithEnvironment("PUBLIC_URL", $"https://app-{j}.{p.Domain}")
            .WithConfigMount(host)
            .WithBindMount(ReferenceExpression.Create($"{p.DataRoot}/app-{j}"), "/data", purpose: ContainerMountPurpose.Media);

        if (j % 3 == 0)
        {
            app.WithEndpoint(targetPort: 9090, scheme: "tcp", name: "metrics")
                .WithEnvironment("APP_PASSWORD", p.Password)
                .WithContainerHealthCheck(["wget", "-q", "--spider", "http://localhost:8080/health"]);
        }
        else if (j % 3 == 1)
        {
            app.WithImageHealthCheck();
        }

        if (j % 5 == 1)
        {
            app.WithApiKey(p.ApiKey, "APP__AUTH__APIKEY");
        }

        if (j % 2 == 0)
        {
            app.WithVolume($"{name}-cache", "/cache");
        }
        else
        {
            app.WithLabel("bench.block", prefix).WithLabel("bench.tier", tier);
        }

        if (j % 5 == 0)
        {
            // A relative source: rooted at the AppHost directory, then written relative to the output.
            app.WithBindMount($"./seed/{name}", "/seed", isReadOnly: true);
        }

        if (j % 4 == 1)
        {
            app.WithNetwork(network);
        }
        else if (j % 4 == 2)
        {
            app.WithUser(host.UserId, host.GroupId);
        }

        if (j % TierWidth == 3)
        {
            app.WithArgs("serve", "--port", p.Port, "--verbose");
        }

        if (tier == 0)
        {
            app.WaitForCompletion(job);
        }
        else
        {
            var upstream = apps[j - TierWidth];
            app.WithReference(upstream).WaitFor(upstream)
                .WithEnvironment("UPSTREAM_API", $"{upstream.GetEndpoint("http")}/api/v1?key={p.ApiKey}");
        }

        if (tier == 2 && previousBlockApp is not null)
        {
            app.WithReference(previousBlockApp);
        }

        if (tier == 3 && tunnelled.Count > 0)
        {
            app.WithReference(tunnelled[j % tunnelled.Count].GetEndpoint("http"));
        }

        if (tier == 4)
        {
            // Leaves publish a host port each, all different.
            var published = _hostPort++;
            app.WithHttpEndpoint(port: published, targetPort: 8443, name: "public").WithExternalHttpEndpoints();
        }

        return app;
    }
}
