namespace Servarr.Hosting.ApplicationModel;

/// <summary>One public hostname and the origin it goes to inside the app network.</summary>
/// <param name="Hostname">e.g. <c>plex.example.com</c>.</param>
/// <param name="Service">e.g. <c>http://plex:32400</c>, or <c>http://gluetun:8989</c> for an app behind the VPN.</param>
/// <param name="Resource">The resource published.</param>
/// <param name="Path">The URL paths let in (an anchored regular expression, <see cref="PublicPathAnnotation"/>), or null for all.</param>
/// <param name="PathReason">What <paramref name="Path"/> lets in, for reports, or null.</param>
/// <param name="SignInRequired">Whether visitors sign in at the edge first (<see cref="SignInRequiredAnnotation"/>).</param>
public sealed record PublicRoute(string Hostname, string Service, string Resource, string? Path = null, string? PathReason = null,
    bool SignInRequired = false);

/// <summary>The model's public hostnames (<see cref="PublicHostnameAnnotation"/>) as routes, in declaration order.</summary>
public static class PublicRoutes
{
    /// <summary>The routes of <paramref name="model"/> under <paramref name="domain"/>.</summary>
    /// <example><code>PublicRoutes.Of(model, "example.com") // [plex.example.com → http://plex:32400, ...]</code></example>
    public static IReadOnlyList<PublicRoute> Of(DistributedApplicationModel model, string domain)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        return model.Containers.SelectMany(c => c.Annotations.OfType<PublicHostnameAnnotation>().Select(h => (Container: c, Hostname: h)))
            .Select(x => (x.Container, x.Hostname, Path: x.Container.Annotations.OfType<PublicPathAnnotation>().LastOrDefault()))
            .Select(x => new PublicRoute($"{x.Hostname.Subdomain}.{domain.Trim('.')}",
                InNetworkAddress.Render(new EndpointReference(x.Container, x.Hostname.EndpointName).Property(EndpointProperty.Url)), x.Container.Name,
                x.Path?.Pattern, x.Path?.Reason, x.Container.Annotations.OfType<SignInRequiredAnnotation>().Any()))
            .ToList();
    }
}

/// <summary>
/// The stack's way in from the internet (a tunnel): it routes the model's public hostnames under its domain. Reports and
/// checks read tunnels through this interface, whichever app provides one.
/// </summary>
public interface ITunnelResource : IResource
{
    /// <summary>The domain the public hostnames live under.</summary>
    ParameterResource Domain { get; }

    /// <summary>How the tunnel is run, for reports, e.g. <c>remote</c>.</summary>
    string ModeName { get; }
}

/// <summary>
/// A check an integration adds to the model's validation: it returns one actionable line per problem, reported under the
/// resource that carries the annotation, before anything starts or is written.
/// </summary>
/// <example>
/// <code>
/// builder.WithAnnotation(new ModelCheckAnnotation(context => context.Model.Containers.Any() ? [] : ["add a container"]));
/// </code>
/// </example>
public sealed class ModelCheckAnnotation(Func<ModelCheckContext, IEnumerable<string>> check) : IResourceAnnotation
{
    /// <summary>The check.</summary>
    public Func<ModelCheckContext, IEnumerable<string>> Check { get; } = check ?? throw new ArgumentNullException(nameof(check));
}

/// <summary>What a <see cref="ModelCheckAnnotation"/> sees.</summary>
/// <param name="Model">The complete model.</param>
/// <param name="ExecutionContext">Run or publish.</param>
/// <param name="Parameters">Parameter values as that mode sees them.</param>
/// <param name="Publisher">The publisher about to write (<c>compose</c>, <c>kubernetes</c>, ...), or null.</param>
public sealed record ModelCheckContext(DistributedApplicationModel Model, DistributedApplicationExecutionContext ExecutionContext,
    ParameterValues Parameters, string? Publisher);
