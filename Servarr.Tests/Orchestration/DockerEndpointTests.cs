using System.Diagnostics;
using Servarr.Hosting;
using Servarr.Hosting.Orchestration.Docker;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Orchestration;

public class DockerEndpointTests
{
    [Fact]
    public void DockerHostWinsOverTheDefaultSocket()
    {
        Assert.Equal(new Uri("tcp://127.0.0.1:2375"), DockerEndpoint.Resolve(new Dictionary<string, string?> { ["DOCKER_HOST"] = "tcp://127.0.0.1:2375" }));
        Assert.Equal(DockerEndpoint.DefaultSocket, DockerEndpoint.Resolve(new Dictionary<string, string?>()));
    }

    [Fact]
    public void AMalformedDockerHostIsOneLine() =>
        Assert.Equal("DOCKER_HOST 'docker.sock' is not an engine address; use unix:///var/run/docker.sock or tcp://host:2375",
            Assert.Throws<ServarrException>(() => DockerEndpoint.Resolve(new Dictionary<string, string?> { ["DOCKER_HOST"] = "docker.sock" })).Message);

    [Fact]
    public async Task AnEngineThatDoesNotAnswerIsOneLineWithinTwoSeconds()
    {
        using var temp = new TempDirectory();
        var endpoint = new Uri($"unix://{temp.Combine("no-engine.sock")}");
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ServarrException>(() => new DockerClientFactory().ConnectAsync(endpoint, CancellationToken.None));

        Assert.Equal($"Docker engine not reachable at {endpoint} — start Docker or set DOCKER_HOST", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.5), $"took {clock.Elapsed}");
    }

    [DockerFact]
    public async Task TheLocalEngineAnswers()
    {
        DockerEngine.RequireAvailable();
        var endpoint = DockerEndpoint.Resolve(DockerEndpoint.ProcessEnvironment());

        using var client = await new DockerClientFactory().ConnectAsync(endpoint, CancellationToken.None);

        Assert.False(string.IsNullOrEmpty((await client.System.GetVersionAsync()).APIVersion));
    }
}
