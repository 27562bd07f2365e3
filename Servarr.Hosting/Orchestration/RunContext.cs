namespace Servarr.Hosting.Orchestration;

/// <summary>
/// What one run adds to the model to make containers: the app and session names, the app's bridge network, resolved
/// parameter values, and the 127.0.0.1 ports chosen for development access. Run state, not user intent.
/// </summary>
public sealed class RunContext
{
    /// <summary>Creates a context.</summary>
    public RunContext(string appName, string sessionId, ParameterValues parameters, string appHostDirectory,
        IReadOnlyDictionary<(string Resource, string Endpoint), int>? developmentPorts = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appName);
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentException.ThrowIfNullOrWhiteSpace(appHostDirectory);
        AppName = appName;
        SessionId = sessionId;
        Parameters = parameters;
        AppHostDirectory = appHostDirectory;
        DevelopmentPorts = developmentPorts ?? new Dictionary<(string, string), int>();
    }

    /// <summary>The application name (label <c>servarr.app</c>), e.g. <c>servarr</c>.</summary>
    public string AppName { get; }

    /// <summary>This run's id (label <c>servarr.session</c>).</summary>
    public string SessionId { get; }

    /// <summary>The app's default bridge network (named after the app): containers that join no zone are on it.</summary>
    public string NetworkName => AppName;

    /// <summary>The engine's name for zone <paramref name="zone"/>: <c>&lt;app&gt;-&lt;zone&gt;</c>, so two apps' zones never mix.</summary>
    public string DockerNetworkName(string zone) => zone == ApplicationModel.NetworkZones.DefaultZone ? NetworkName : $"{AppName}-{zone}";

    /// <summary>Resolved parameter values.</summary>
    public ParameterValues Parameters { get; }

    /// <summary>Relative bind-mount sources are rooted here.</summary>
    public string AppHostDirectory { get; }

    /// <summary>The host path of a bind-mount source: parameters resolved, a relative path rooted at the AppHost directory.</summary>
    public string HostPath(ApplicationModel.ReferenceExpression source)
    {
        var path = RunExpressions.Render(source, Parameters);
        return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(AppHostDirectory, path));
    }

    /// <summary>
    /// The port this machine reaches <paramref name="endpoint"/> of <paramref name="resource"/> on: its development (or
    /// test) port on 127.0.0.1 when one was assigned, else the model's host port; null when it has neither.
    /// </summary>
    public int? HostPort(ApplicationModel.IResource resource, ApplicationModel.EndpointAnnotation endpoint)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(endpoint);
        return DevelopmentPorts.TryGetValue((resource.Name, endpoint.Name), out var development) ? development : endpoint.Port;
    }

    /// <summary>The clickable URL of an endpoint (127.0.0.1 for a development port, localhost for a model port), or null.</summary>
    public string? HostUrl(ApplicationModel.IResource resource, ApplicationModel.EndpointAnnotation endpoint)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(endpoint);
        return HostPort(resource, endpoint) is not { } port ? null
            : $"{endpoint.Scheme}://{(DevelopmentPorts.ContainsKey((resource.Name, endpoint.Name)) ? "127.0.0.1" : "localhost")}:{port}";
    }

    /// <summary>Host ports on 127.0.0.1 for endpoints the model does not publish, so a developer can open them.</summary>
    public IReadOnlyDictionary<(string Resource, string Endpoint), int> DevelopmentPorts { get; }
}
