using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Orchestration;

/// <summary>What a run session refuses before it talks to any engine.</summary>
public class RunSessionTests
{
    [Fact]
    public async Task AResourceNamedLikeTheDashboardIsRefusedBeforeAnythingStarts()
    {
        using var temp = new TempDirectory();
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run,
            new Dictionary<string, string?> { ["DOCKER_HOST"] = $"unix://{temp.Combine("no-engine.sock")}" });
        builder.AddContainer("aspire-dashboard", "docker.io/library/app", "1.0");

        var refused = await Assert.ThrowsAsync<ServarrException>(() =>
            RunSession.CreateAsync(builder.Build(), new RunSessionOptions { Dashboard = true }, CancellationToken.None));

        Assert.Equal("resource 'aspire-dashboard': the name is taken by the dashboard run mode starts; rename the resource or run with --no-dashboard", refused.Message);
    }
}
