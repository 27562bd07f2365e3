namespace Servarr.Hosting.Orchestration;

/// <summary>The application name that labels everything run mode creates (<c>servarr.app</c>).</summary>
internal static class AppIdentity
{
    /// <summary>The AppHost folder's name before <c>.AppHost</c>, lower case (<c>Servarr.AppHost</c> → <c>servarr</c>).</summary>
    public static string AppName(DistributedApplicationBuilder builder)
    {
        var name = new DirectoryInfo(builder.AppHostDirectory).Name;
        var app = (name.EndsWith(".AppHost", StringComparison.OrdinalIgnoreCase) ? name[..^".AppHost".Length] : name).ToLowerInvariant();
        return app.Length is > 0 and <= 40 && app.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') ? app : "servarr";
    }

    /// <summary>The engine address: <c>DOCKER_HOST</c> from configuration or the environment, else the Unix socket.</summary>
    public static Uri DockerEndpoint(DistributedApplicationBuilder builder) => Docker.DockerEndpoint.Resolve(new Dictionary<string, string?>
    {
        ["DOCKER_HOST"] = builder.Configuration["DOCKER_HOST"] ?? Environment.GetEnvironmentVariable("DOCKER_HOST"),
    });
}
