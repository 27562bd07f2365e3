namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// What <c>WithReference</c> writes into the environment of the resource that holds the reference, as in Aspire 13
/// (<c>WithReferenceEnvironment</c>). The reference itself — start order, zones, <c>doctor</c>'s "who calls whom" —
/// does not depend on these flags.
/// </summary>
[Flags]
public enum ReferenceEnvironmentInjectionFlags
{
    /// <summary>Nothing: for apps that read no such variable (every app of the media stack keeps its connections in its
    /// own settings, not in its environment).</summary>
    None = 0,

    /// <summary>Connection strings (<c>ConnectionStrings__&lt;name&gt;</c>); Servarr's resources have none today.</summary>
    ConnectionString = 1,

    /// <summary>Connection properties: <c>&lt;NAME&gt;_API_KEY</c> for an app with an API key.</summary>
    ConnectionProperties = 2,

    /// <summary>Service discovery: <c>services__&lt;name&gt;__&lt;endpoint&gt;__0</c> (read by .NET service discovery).</summary>
    ServiceDiscovery = 4,

    /// <summary>Endpoint URLs: <c>&lt;NAME&gt;_&lt;ENDPOINT&gt;</c>, e.g. <c>SONARR_HTTP</c>.</summary>
    Endpoints = 8,

    /// <summary>Everything (the default).</summary>
    All = ConnectionString | ConnectionProperties | ServiceDiscovery | Endpoints,
}

/// <summary>Chooses what <c>WithReference</c> injects into this resource's environment (see <see cref="ReferenceEnvironmentInjectionFlags"/>).</summary>
/// <param name="flags">What to inject.</param>
public sealed class ReferenceEnvironmentInjectionAnnotation(ReferenceEnvironmentInjectionFlags flags) : IResourceAnnotation
{
    /// <summary>What to inject.</summary>
    public ReferenceEnvironmentInjectionFlags Flags { get; } = flags is >= ReferenceEnvironmentInjectionFlags.None and <= ReferenceEnvironmentInjectionFlags.All
        ? flags
        : throw new ArgumentOutOfRangeException(nameof(flags), flags, "not a combination of ReferenceEnvironmentInjectionFlags");
}
