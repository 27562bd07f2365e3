using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Integrations.QBittorrent;
using Servarr.Hosting.Orchestration;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Integrations.QBittorrent;

/// <summary>qBittorrent's WebUI login (only the password's hash in its config) and the BitTorrent binding to the VPN tunnel.</summary>
public class QBittorrentWebUiTests
{
    // docs/upstream/configuration-facts.md §1.4: verified with Python's hashlib.pbkdf2_hmac('sha512', b'adminadmin', salt, 100000, 64).
    private const string AdminAdmin =
        "@ByteArray(ARQ77eY1NUZaQsuDHbIMCA==:0WMRkYTUWVT9wVvdDtHAjU9b3b7uB8NR1Gur2hmQCvCDpm39Q+PsJRJPaCU51dEiz+dTzh8qbPsL8WkFljQYFQ==)";

    [Fact]
    public void TheHashMatchesTheVerifiedVector()
    {
        var salt = Convert.FromBase64String("ARQ77eY1NUZaQsuDHbIMCA==");

        Assert.Equal(AdminAdmin, QBittorrentPassword.Hash("adminadmin", salt));
        Assert.True(QBittorrentPassword.Verify("adminadmin", AdminAdmin));
        Assert.True(QBittorrentPassword.Verify("adminadmin", AdminAdmin["@ByteArray(".Length..^1])); // the bare salt:key form
        Assert.False(QBittorrentPassword.Verify("adminadmim", AdminAdmin));
        Assert.False(QBittorrentPassword.Verify("adminadmin", "@ByteArray(not-base64:x)"));
        Assert.Throws<ArgumentException>(() => QBittorrentPassword.Hash("adminadmin", new byte[8]));
    }

    [Fact]
    public void EachHashHasANewSaltAndQBittorrentsShape()
    {
        var first = QBittorrentPassword.Hash("s3cret");
        var second = QBittorrentPassword.Hash("s3cret");

        Assert.NotEqual(first, second);
        var parts = first["@ByteArray(".Length..^1].Split(':');
        Assert.Equal(QBittorrentPassword.SaltSize, Convert.FromBase64String(parts[0]).Length);
        Assert.Equal(QBittorrentPassword.KeySize, Convert.FromBase64String(parts[1]).Length);
        Assert.True(QBittorrentPassword.Verify("s3cret", first) && QBittorrentPassword.Verify("s3cret", second));
    }

    [Fact]
    public async Task TheDefaultStackLogsInAsServarrWithTheHashOfItsGeneratedPasswordAndBindsToTheTunnel()
    {
        var app = await AppHostRunner.BuildStackAsync();
        var qbittorrent = (QBittorrentResource)app.Model.Containers.Single(c => c.Name == "qbittorrent");
        var seed = qbittorrent.Annotations.OfType<GeneratedFileAnnotation>().Single();

        Assert.Equal("qbittorrent-password", qbittorrent.WebUiPassword.Name);
        Assert.True(qbittorrent.WebUiPassword.Secret);
        Assert.NotNull(ParameterValues.Generation(qbittorrent.WebUiPassword));
        Assert.Equal([qbittorrent.WebUiPassword], seed.Uses);
        Assert.True(GeneratedFiles.DerivesFromSecret(seed)); // written readable by its owner only
        var script = GeneratedFiles.Render(seed, app.Model, _ => "", p => p == qbittorrent.WebUiPassword ? "the-password-1" : null);

        Assert.DoesNotContain("the-password-1", script);
        Assert.Contains("WebUI\\Username=servarr\n", script);
        var hash = System.Text.RegularExpressions.Regex.Match(script, "WebUI\\\\Password_PBKDF2=\"(@ByteArray\\([^)]*\\))\"\n").Groups[1].Value;
        Assert.True(QBittorrentPassword.Verify("the-password-1", hash), script);
        Assert.Contains("[BitTorrent]\nSession\\DefaultSavePath=/data/torrents\nSession\\Interface=tun0\nSession\\InterfaceName=tun0\n", script);
    }

    [Fact]
    public async Task WithoutTheValueTheScriptHasNoPasswordAndNeverTheSecretThroughValue()
    {
        var app = await AppHostRunner.BuildStackAsync();
        var qbittorrent = (QBittorrentResource)app.Model.Containers.Single(c => c.Name == "qbittorrent");
        var seed = qbittorrent.Annotations.OfType<GeneratedFileAnnotation>().Single();

        var script = GeneratedFiles.Render(seed, app.Model, _ => "", _ => null);

        Assert.DoesNotContain("Password_PBKDF2", script);
        Assert.Contains("WebUI\\Username=servarr\n", script);
        Assert.Contains("no password: qBittorrent prints a temporary one", script);
        var context = new GeneratedFileContext(app.Model, _ => "");
        Assert.Null(context.Derive(qbittorrent.WebUiPassword, v => v)); // no secret values given: nothing to derive
    }

    [Fact]
    public async Task RunModeWritesTheSeedWithTheHashOnlyAndReadableByItsOwnerOnly()
    {
        using var temp = new TempDirectory();
        var configuration = StackParameters.ForRun(temp);
        configuration["Parameters:qbittorrent-password"] = "run-password-7f3c";
        foreach (var folder in new[] { "media/tv", "media/movies", "torrents" })
        {
            Directory.CreateDirectory(Path.Combine(temp.Path, "media", folder));
        }

        var stack = await AppHostRunner.BuildStackAsync(DistributedApplicationOperation.Run, configuration);

        var report = await RunPreparation.PrepareAsync(stack.Model, new RunContext(stack.Values, stack.Builder.AppHostDirectory), CancellationToken.None);

        var written = temp.Combine("config", ".servarr", "qbittorrent", "seed-config.sh");
        var script = await File.ReadAllTextAsync(written);
        Assert.DoesNotContain("run-password-7f3c", script + string.Join('\n', report));
        var hash = System.Text.RegularExpressions.Regex.Match(script, "Password_PBKDF2=\"(@ByteArray\\([^)]*\\))\"").Groups[1].Value;
        Assert.True(QBittorrentPassword.Verify("run-password-7f3c", hash), script);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(written));
        }
    }

    [Fact]
    public async Task RunModeWithNoPasswordConfiguredHashesTheValueAspireGeneratesAndGivesTheApps()
    {
        using var temp = new TempDirectory();
        var configuration = StackParameters.ForRun(temp);
        foreach (var folder in new[] { "media/tv", "media/movies", "torrents" })
        {
            Directory.CreateDirectory(Path.Combine(temp.Path, "media", folder));
        }

        var stack = await AppHostRunner.BuildStackAsync(DistributedApplicationOperation.Run, configuration);
        var password = ((QBittorrentResource)stack.Container("qbittorrent")).WebUiPassword;

        await RunPreparation.PrepareAsync(stack.Model, new RunContext(stack.Values, stack.Builder.AppHostDirectory), CancellationToken.None);

        var script = await File.ReadAllTextAsync(temp.Combine("config", ".servarr", "qbittorrent", "seed-config.sh"));
        var generated = await password.GetValueAsync(CancellationToken.None);
        Assert.Equal(32, generated!.Length);
        var hash = System.Text.RegularExpressions.Regex.Match(script, "Password_PBKDF2=\"(@ByteArray\\([^)]*\\))\"").Groups[1].Value;
        Assert.True(QBittorrentPassword.Verify(generated, hash), script);
        Assert.DoesNotContain(generated, script);
    }

    [Fact]
    public void WithoutAVpnBitTorrentIsNotBound()
    {
        var builder = TestAppBuilder.Create(configuration: new Dictionary<string, string?> { ["Parameters:qbittorrent-password"] = "pw-12345678" });
        var qbittorrent = builder.AddQBittorrent("qbittorrent", builder.AddHost());
        var model = builder.BuildModel();
        var seed = qbittorrent.Resource.Annotations.OfType<GeneratedFileAnnotation>().Single();

        var script = GeneratedFiles.Render(seed, model, _ => "", p => builder.Values().Resolve(p).Value);

        Assert.DoesNotContain("Session\\Interface", script);
        Assert.Contains("WebUI\\Password_PBKDF2=\"@ByteArray(", script);
        Assert.DoesNotContain("pw-12345678", script);
    }

    [Fact]
    public void TheResourceRefusesAPasswordThatIsNotSecret()
    {
        var builder = TestAppBuilder.Create();
        var plain = builder.AddParameter("plain", "x").Resource;

        Assert.Throws<ArgumentException>(() => new QBittorrentResource("qbittorrent", plain));
        Assert.Throws<ArgumentNullException>(() => new QBittorrentResource("qbittorrent", null!));
    }
}
