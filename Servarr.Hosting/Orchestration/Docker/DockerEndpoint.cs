namespace Servarr.Hosting.Orchestration.Docker;

/// <summary>Where the Docker engine answers: <c>DOCKER_HOST</c> when set, else the Unix socket.</summary>
public static class DockerEndpoint
{
    /// <summary>The engine's default Unix socket.</summary>
    public static readonly Uri DefaultSocket = new("unix:///var/run/docker.sock");

    /// <summary>Resolves the endpoint from <paramref name="environment"/> (the process environment in production).</summary>
    /// <example><code>DockerEndpoint.Resolve(new Dictionary&lt;string, string?&gt; { ["DOCKER_HOST"] = "tcp://127.0.0.1:2375" })</code></example>
    public static Uri Resolve(IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.TryGetValue("DOCKER_HOST", out var host) && !string.IsNullOrWhiteSpace(host))
        {
            if (!Uri.TryCreate(host.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("unix" or "tcp" or "http" or "https" or "npipe"))
            {
                throw new ServarrException($"DOCKER_HOST '{host}' is not an engine address; use unix:///var/run/docker.sock or tcp://host:2375");
            }

            return uri;
        }

        return DefaultSocket;
    }

    /// <summary>The one line printed when nothing answers at <paramref name="endpoint"/>.</summary>
    public static string UnreachableMessage(Uri endpoint) =>
        $"Docker engine not reachable at {endpoint} — start Docker or set DOCKER_HOST";

    /// <summary>The process environment as a dictionary.</summary>
    public static IReadOnlyDictionary<string, string?> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value as string, StringComparer.Ordinal);
}
