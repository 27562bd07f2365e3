using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Publishing;

/// <summary><c>publish --publisher compose --with-dashboard</c>: the dashboard for telemetry on the server, UI on loopback, secrets left to .env.</summary>
public class ComposeDashboardTests
{
    [Fact]
    public async Task WithDashboardAddsTheDashboardServiceForTelemetryOnly()
    {
        using var temp = new TempDirectory();
        var result = await AppHostRunner.RunAsync(["publish", "--publisher", "compose", "--output-path", temp.Path, "--with-dashboard"]);
        Assert.True(result.ExitCode == 0, result.Error);
        var yaml = await File.ReadAllTextAsync(temp.Combine("docker-compose.yaml"));
        var env = await File.ReadAllTextAsync(temp.Combine(".env"));

        var service = yaml[yaml.IndexOf("\n  aspire-dashboard:", StringComparison.Ordinal)..];
        service = service[..(service.IndexOf("\n  ", 2, StringComparison.Ordinal) is var next and > 0 && char.IsLetter(service[next + 3]) ? next : service.Length)];
        Assert.Contains("image: mcr.microsoft.com/dotnet/aspire-dashboard:9.5", service);
        Assert.Contains("- 127.0.0.1:18888:18888", service);
        Assert.DoesNotContain("18889:", service);
        Assert.Contains("Dashboard__Frontend__BrowserToken: ${DASHBOARD_BROWSER_TOKEN:?set DASHBOARD_BROWSER_TOKEN in .env}", service);
        Assert.Contains("Dashboard__Otlp__AuthMode: ApiKey", service);
        Assert.DoesNotContain("ResourceServiceClient", yaml);
        Assert.Matches("(?m)^DASHBOARD_BROWSER_TOKEN=$", env);
        Assert.Matches("(?m)^DASHBOARD_OTLP_API_KEY=$", env);
        await SchemaAssert.ValidComposeAsync(yaml);

        using var without = new TempDirectory();
        await AppHostRunner.RunAsync(["publish", "--publisher", "compose", "--output-path", without.Path]);
        Assert.DoesNotContain("aspire-dashboard", await File.ReadAllTextAsync(without.Combine("docker-compose.yaml")));
    }
}
