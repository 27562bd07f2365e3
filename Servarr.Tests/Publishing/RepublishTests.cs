using Servarr.Hosting;
using Servarr.Hosting.Publishing;
using Servarr.Hosting.Publishing.Compose;
using Servarr.Hosting.Publishing.Kubernetes;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Publishing;

/// <summary>
/// Publishing again over files the user edited: a value typed in the file wins, a configuration value changed since the
/// last publish replaces it and is reported (never a secret's value), comments and extra keys are kept.
/// </summary>
public class RepublishTests
{
    [Fact]
    public async Task AValueTypedInTheFileIsKeptWhileTheConfigurationIsUnchanged()
    {
        using var temp = new TempDirectory();
        await ComposeAsync(temp, "Etc/UTC");
        Edit(temp.Combine(".env"), "TZ='Etc/UTC'", "TZ='Europe/Paris'");

        var changes = await ComposeAsync(temp, "Etc/UTC");

        Assert.Contains("\nTZ='Europe/Paris'\n", await File.ReadAllTextAsync(temp.Combine(".env")));
        Assert.Empty(changes);
    }

    [Fact]
    public async Task AConfigurationValueChangedSinceTheLastPublishIsWrittenAndReported()
    {
        using var temp = new TempDirectory();
        await ComposeAsync(temp, "Etc/UTC");

        var changes = await ComposeAsync(temp, "Europe/Berlin");

        var env = await File.ReadAllTextAsync(temp.Combine(".env"));
        Assert.Contains("\n# from configuration: 'Europe/Berlin'\nTZ='Europe/Berlin'\n", env);
        Assert.Equal([".env TZ: 'Etc/UTC' -> 'Europe/Berlin' (changed since the last publish)"], changes);
    }

    [Fact]
    public async Task AFileWithoutARecordOfTheLastPublishKeepsItsValueAndSaysSo()
    {
        using var temp = new TempDirectory();
        await File.WriteAllTextAsync(temp.Combine(".env"), "COMPOSE_PROJECT_NAME=servarr\nTZ=Europe/Amsterdam\nKEY=filled\n");

        var changes = await ComposeAsync(temp, "Etc/UTC");

        var env = await File.ReadAllTextAsync(temp.Combine(".env"));
        Assert.Contains("\nTZ=Europe/Amsterdam\n", env);
        Assert.Contains("\nKEY=filled\n", env);
        Assert.Contains("\nCOMPOSE_PROJECT_NAME=servarr\n", env); // what an older Servarr wrote unquoted is the same value: not reported
        Assert.Equal([".env TZ: keeps Europe/Amsterdam from the file; the configuration has 'Etc/UTC' (delete the line to take it)"], changes);
    }

    [Fact]
    public async Task CommentsAndExtraKeysTheUserAddedAreKeptAndSecretsAreNeverReported()
    {
        using var temp = new TempDirectory();
        await ComposeAsync(temp, "Etc/UTC");
        Edit(temp.Combine(".env"), "KEY=", "# rotated in May\nKEY='s3cret-value'");
        await File.AppendAllTextAsync(temp.Combine(".env"), "# my own\nMY_OWN=1\n\n# the end\n");

        var changes = await ComposeAsync(temp, "Europe/Berlin");

        var env = await File.ReadAllTextAsync(temp.Combine(".env"));
        Assert.Contains("\n# rotated in May\nKEY='s3cret-value'\n", env);
        Assert.Contains("\n# Kept from the previous file (not used by the stack)\n# my own\nMY_OWN=1\n", env);
        Assert.EndsWith("\n# the end\n", env);
        Assert.DoesNotContain(changes, c => c.Contains("s3cret", StringComparison.Ordinal));
        Assert.Single(changes);
        Assert.Equal(env, await File.ReadAllTextAsync(temp.Combine(".env")));
        await ComposeAsync(temp, "Europe/Berlin");
        Assert.Equal(env, await File.ReadAllTextAsync(temp.Combine(".env"))); // publishing again changes nothing more
    }

    [Fact]
    public async Task KubernetesRepublishKeepsSecretsEnvKeysAndCommentsAndReportsSettingsChanges()
    {
        using var temp = new TempDirectory();
        await KubernetesAsync(temp, "Etc/UTC");
        Edit(temp.Combine("secrets.env"), "KEY=", "# from the vault\nKEY=s3cret");
        await File.AppendAllTextAsync(temp.Combine("secrets.env"), "EXTRA_TOKEN=abc\n");
        Edit(temp.Combine("settings.env"), "TZ=Etc/UTC", "# mine\nTZ=Europe/Paris");

        var changes = await KubernetesAsync(temp, "Europe/Berlin");

        var secrets = await File.ReadAllTextAsync(temp.Combine("secrets.env"));
        Assert.Contains("\n# from the vault\nKEY=s3cret\n", secrets);
        Assert.Contains("\nEXTRA_TOKEN=abc\n", secrets);
        Assert.Contains("\n# mine\nTZ=Europe/Berlin\n", await File.ReadAllTextAsync(temp.Combine("settings.env")));
        Assert.Equal(["settings.env TZ: Europe/Paris -> Europe/Berlin (changed since the last publish)"], changes);
    }

    private static IDistributedApplicationBuilder Stack(string tz)
    {
        var builder = TestAppBuilder.Create(configuration: new Dictionary<string, string?> { ["Parameters:tz"] = tz });
        builder.AddContainer("app", "docker.io/library/app", "1.0")
            .WithEnvironment("TZ", builder.AddParameter("tz", "Etc/UTC", publishValueAsDefault: true))
            .WithEnvironment("KEY", builder.AddParameter("key", secret: true));
        return builder;
    }

    private static PublishContext Context(TempDirectory temp, string tz)
    {
        var builder = Stack(tz);
        return new(builder.BuildModel(), builder.ExecutionContext, builder.Values(), builder.AppHostDirectory, temp.Path);
    }

    private static async Task<IList<string>> ComposeAsync(TempDirectory temp, string tz)
    {
        var context = Context(temp, tz);
        await PublishRun.RunAsync(new ComposePublisher(), context);
        return context.Changes;
    }

    private static async Task<IList<string>> KubernetesAsync(TempDirectory temp, string tz)
    {
        var context = Context(temp, tz);
        await PublishRun.RunAsync(new KubernetesPublisher(new KubernetesOptions()), context);
        return context.Changes;
    }

    private static void Edit(string path, string from, string to)
    {
        var text = File.ReadAllText(path);
        Assert.Contains(from + "\n", text);
        File.WriteAllText(path, text.Replace(from + "\n", to + "\n", StringComparison.Ordinal));
    }
}
