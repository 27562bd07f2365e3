using System.Net;
using System.Text.Json;
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Docker;

/// <summary>
/// The Sonarr, Radarr and Prowlarr stand-ins answer the configuration API Servarr calls (shims/arr-api.sh), so a stack
/// of stand-ins turns healthy in run mode: Servarr's own client (<see cref="ArrApi"/>, chunked JSON bodies and all)
/// round-trips providers and root folders against a real container, and a wrong key gets 401.
/// </summary>
public class ArrApiStandInTests
{
    private static async Task WithStandInAsync(string image, int port, string keyVariable, Func<HttpClient, Task> body)
    {
        StandInStack.BuildImages([image]);
        var name = $"servarr-test-arrapi-{Guid.NewGuid():N}"[..32];
        var run = DockerEngine.Run("docker",
            ["run", "-d", "--name", name, "-e", $"{keyVariable}=test-key", "-p", $"127.0.0.1::{port}", image], TimeSpan.FromMinutes(1));
        Assert.True(run.ExitCode == 0, run.ToString());
        try
        {
            var published = DockerEngine.Run("docker", ["port", name, $"{port}/tcp"], TimeSpan.FromSeconds(30));
            Assert.True(published.ExitCode == 0, published.ToString());
            var hostPort = published.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim().Split(':')[^1];
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{hostPort}/"), Timeout = TimeSpan.FromSeconds(20) };
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (true)
            {
                try
                {
                    using var ping = await http.GetAsync("ping");
                    Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
                    break;
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(200);
                }
            }

            await body(http);
        }
        finally
        {
            DockerEngine.Run("docker", ["rm", "-f", name], TimeSpan.FromSeconds(30));
        }
    }

    private static ArrApi Client(HttpClient http, string version, string key) => new(http, version, _ => ValueTask.FromResult<string?>(key));

    private static ArrProvider Provider(string name, string host, int? id = null) => new()
    {
        Id = id,
        Name = name,
        Implementation = "QBittorrent",
        ConfigContract = "QBittorrentSettings",
        Fields = [new ArrField("host", JsonSerializer.SerializeToElement(host)), new ArrField("port", JsonSerializer.SerializeToElement(8080))],
        Enable = true,
    };

    [DockerFact(needsStandIns: true)]
    public async Task SonarrStandInKeepsDownloadClientsAndRootFoldersAndChecksTheKey()
    {
        DockerEngine.RequireAvailable();
        await WithStandInAsync("lscr.io/linuxserver/sonarr:4.0.19.2979-ls316", 8989, "SONARR__AUTH__APIKEY", async http =>
        {
            var api = Client(http, "v3", "test-key");
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            var ct = timeout.Token;

            Assert.Empty(await api.ProvidersAsync("downloadclient", ct));
            var added = await api.AddAsync("downloadclient", Provider("qBittorrent", "gluetun"), ct);
            Assert.Equal(1, added.Id);
            var second = await api.AddAsync("downloadclient", Provider("other", "elsewhere"), ct);
            Assert.Equal(2, second.Id);

            var updated = await api.UpdateAsync("downloadclient", Provider("qBittorrent", "qbittorrent", id: 1), ct);
            Assert.Equal(1, updated.Id);
            var listed = await api.ProvidersAsync("downloadclient", ct);
            Assert.Equal([1, 2], listed.Select(p => p.Id!.Value));
            Assert.Equal("qbittorrent", listed[0].Field("host")!.Value.GetString());
            Assert.Equal(8080, listed[0].Field("port")!.Value.GetInt32());

            var folder = await api.AddRootFolderAsync("/data/media/tv", ct);
            Assert.Equal(1, folder.Id);
            Assert.Equal("/data/media/tv", Assert.Single(await api.RootFoldersAsync(ct)).Path);

            var refused = await Assert.ThrowsAsync<ConfigurationException>(() => Client(http, "v3", "wrong").ProvidersAsync("downloadclient", ct));
            Assert.Contains("401", refused.Message);
            using var unknown = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/v3/downloadclient/9") { Headers = { { "X-Api-Key", "test-key" } } }, ct);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            using var ping = await http.GetAsync("ping", ct);
            Assert.Equal(HttpStatusCode.OK, ping.StatusCode); // the static files still answer
        });
    }

    [DockerFact(needsStandIns: true)]
    public async Task ProwlarrStandInKeepsApplications()
    {
        DockerEngine.RequireAvailable();
        await WithStandInAsync("lscr.io/linuxserver/prowlarr:2.5.2.5491-ls155", 9696, "PROWLARR__AUTH__APIKEY", async http =>
        {
            var api = Client(http, "v1", "test-key");
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            var ct = timeout.Token;
            var added = await api.AddAsync("applications", Provider("Sonarr", "sonarr") with { SyncLevel = "fullSync" }, ct);
            Assert.Equal(1, added.Id);
            Assert.Equal("fullSync", Assert.Single(await api.ProvidersAsync("applications", ct)).SyncLevel);
            await Assert.ThrowsAsync<ConfigurationException>(() => Client(http, "v3", "test-key").ProvidersAsync("downloadclient", ct)); // v1 only
        });
    }
}
