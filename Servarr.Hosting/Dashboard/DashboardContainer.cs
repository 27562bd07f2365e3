using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Dashboard;

/// <summary>
/// The Aspire dashboard as a container of the run (not of the model: publishing never sees it): UI with browser-token
/// login and OTLP with an API key, both on 127.0.0.1 ports; the resource service client pointed back at the AppHost
/// through <c>host.docker.internal</c> (mapped to the host gateway) with an API key. The three secrets are generated
/// parameters, kept in user-secrets like the stack's own, so a browser stays logged in across runs.
/// </summary>
public sealed class DashboardContainer
{
    /// <summary>The container's resource name.</summary>
    public const string Name = "aspire-dashboard";

    /// <summary>UI port inside the container.</summary>
    public const int UiPort = 18888;

    /// <summary>OTLP/gRPC port inside the container.</summary>
    public const int OtlpPort = 18889;

    private DashboardContainer(ContainerResource container, ParameterResource browserToken, ParameterResource otlpKey, ParameterResource resourceServiceKey)
    {
        Container = container;
        BrowserToken = browserToken;
        OtlpApiKey = otlpKey;
        ResourceServiceApiKey = resourceServiceKey;
    }

    /// <summary>The container to run.</summary>
    public ContainerResource Container { get; }

    /// <summary>The UI login token.</summary>
    public ParameterResource BrowserToken { get; }

    /// <summary>The key OTLP clients send as <c>x-otlp-api-key</c>.</summary>
    public ParameterResource OtlpApiKey { get; }

    /// <summary>The key the dashboard sends to the resource service.</summary>
    public ParameterResource ResourceServiceApiKey { get; }

    /// <summary>Every resource to add to the run: the three parameters and the container.</summary>
    public IEnumerable<IResource> Resources => [BrowserToken, OtlpApiKey, ResourceServiceApiKey, Container];

    /// <summary>
    /// The dashboard for <c>publish --publisher compose --with-dashboard</c>: telemetry only (OTLP with its API key on
    /// <c>aspire-dashboard:18889</c> inside the app network), the UI on 127.0.0.1:18888 of the server with browser-token
    /// login; no resource service (resources and console logs need <c>dotnet run</c>). Both secrets go to <c>.env</c> to fill in.
    /// </summary>
    public static IReadOnlyList<IResource> ForCompose()
    {
        var token = new ParameterResource("dashboard-browser-token", secret: true, @default: null, "Login token of the Aspire dashboard (e.g. openssl rand -hex 16)");
        var otlp = new ParameterResource("dashboard-otlp-api-key", secret: true, @default: null, "API key OTLP senders give the dashboard (x-otlp-api-key)");
        var container = Dashboard(token, otlp);
        // The UI never leaves the server by itself: reach it with ssh -L 18888:127.0.0.1:18888 <server>.
        container.Annotations.Add(new ComposeServiceCustomizationAnnotation((_, service) => service.Ports = [$"127.0.0.1:{UiPort}:{UiPort}"]));
        return [token, otlp, container];
    }

    /// <summary>Defines the dashboard for a resource service listening on <paramref name="resourceServicePort"/> of the Docker host.</summary>
    public static DashboardContainer Create(int resourceServicePort)
    {
        var token = new ParameterResource("dashboard-browser-token", secret: true, new GenerateParameterDefault(32), "Login token of the Aspire dashboard");
        var otlp = new ParameterResource("dashboard-otlp-api-key", secret: true, new GenerateParameterDefault(32), "API key of the dashboard's OTLP endpoint");
        var service = new ParameterResource("dashboard-resource-service-api-key", secret: true, new GenerateParameterDefault(32),
            "API key the dashboard sends to the AppHost's resource service");
        var container = Dashboard(token, otlp);
        container.Annotations.Add(new TcpHealthCheckAnnotation("http"));
        container.Annotations.Add(new HostAliasAnnotation("host.docker.internal", "host-gateway"));
        void Env(string name, ReferenceExpression value) => container.Annotations.Add(new EnvironmentVariableAnnotation(name, value));
        Env("Dashboard__ResourceServiceClient__Url", ReferenceExpression.Literal($"http://host.docker.internal:{resourceServicePort}"));
        Env("Dashboard__ResourceServiceClient__AuthMode", ReferenceExpression.Literal("ApiKey"));
        Env("Dashboard__ResourceServiceClient__ApiKey", ReferenceExpression.Of(service));
        return new DashboardContainer(container, token, otlp, service);
    }

    /// <summary>The image, the UI and OTLP endpoints, and browser-token and API-key authentication.</summary>
    private static ContainerResource Dashboard(ParameterResource browserToken, ParameterResource otlpKey)
    {
        var container = new ContainerResource(Name);
        container.Annotations.Add(new ContainerImageAnnotation(DashboardContainerImageTags.Image, DashboardContainerImageTags.Tag, DashboardContainerImageTags.Registry));
        container.Annotations.Add(new EndpointAnnotation("http", "http", EndpointProtocol.Tcp, UiPort));
        container.Annotations.Add(new EndpointAnnotation("otlp-grpc", "http", EndpointProtocol.Tcp, OtlpPort));
        void Env(string name, ReferenceExpression value) => container.Annotations.Add(new EnvironmentVariableAnnotation(name, value));
        Env("Dashboard__Frontend__AuthMode", ReferenceExpression.Literal("BrowserToken"));
        Env("Dashboard__Frontend__BrowserToken", ReferenceExpression.Of(browserToken));
        Env("Dashboard__Otlp__AuthMode", ReferenceExpression.Literal("ApiKey"));
        Env("Dashboard__Otlp__PrimaryApiKey", ReferenceExpression.Of(otlpKey));
        return container;
    }
}
