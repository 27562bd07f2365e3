using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration.Restore;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Orchestration.Restore;

/// <summary>"Restore config from backup" is offered on the apps Kopia backs up, and only on them.</summary>
public class ConfigRestoreCommandTests
{
    [Fact]
    public void TheCommandIsAddedToBackedUpAppsOnly()
    {
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run);
        var host = builder.AddHost();
        var sonarr = builder.AddContainer("sonarr", "lscr.io/linuxserver/sonarr", "4").WithConfigMount(host);
        builder.AddContainer("radarr", "lscr.io/linuxserver/radarr", "6").WithConfigMount(host);
        builder.AddContainer("scratch", "busybox", "1");
        var kopia = builder.AddKopia("kopia", host, builder.AddParameter("kopia-password", secret: true)).WithConfigBackupOf(sonarr);
        var model = builder.BuildModel();

        var added = ConfigRestoreCommand.AddTo(builder, model);

        Assert.Equal(["sonarr"], added);
        var command = Assert.Single(sonarr.Resource.Annotations.OfType<ResourceCommandAnnotation>(), c => c.Name == ConfigRestoreCommand.Name);
        Assert.Equal("Restore config from backup", command.DisplayName);
        Assert.Same(kopia.Resource, sonarr.Resource.Annotations.OfType<ConfigRestoreAnnotation>().Single().Provider.BackupResource);
        Assert.All(model.Resources.Where(r => r.Name != "sonarr"),
            r => Assert.DoesNotContain(r.Annotations.OfType<ResourceCommandAnnotation>(), c => c.Name == ConfigRestoreCommand.Name));
    }

    [Fact]
    public async Task TheCommandRefusesWithOneLineBeforeTouchingTheEngine()
    {
        // No kopia-password: the command plans with the AppHost's own services and refuses before any container runs.
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run);
        var host = builder.AddHost();
        var sonarr = builder.AddContainer("sonarr", "lscr.io/linuxserver/sonarr", "4").WithConfigMount(host);
        builder.AddKopia("kopia", host, builder.AddParameter("kopia-password", secret: true)).WithConfigBackups();
        await using var app = builder.Build();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        Servarr.Hosting.Lifecycle.ModelCompletion.Complete(builder, model);
        ConfigRestoreCommand.AddTo(builder, model);
        var command = sonarr.Resource.Annotations.OfType<ResourceCommandAnnotation>().Single(c => c.Name == ConfigRestoreCommand.Name);

        var result = await command.ExecuteCommand(new ExecuteCommandContext
        {
            Services = app.Services,
            ResourceName = "sonarr",
            CancellationToken = CancellationToken.None,
            Logger = NullLogger.Instance,
            Arguments = new InteractionInputCollection([]),
        });

        Assert.False(result.Success);
        Assert.Equal("resource 'kopia': parameter 'kopia-password' has no value; set it as for run (dotnet user-secrets set Parameters:kopia-password ...)", result.Message);
    }

    [Fact]
    public void WithConfigBackupsEveryAppWithAConfigFolderButKopiaCanBeRestored()
    {
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run);
        var host = builder.AddHost();
        builder.AddKopia("kopia", host, builder.AddParameter("kopia-password", secret: true)).WithConfigBackups();
        builder.AddContainer("sonarr", "lscr.io/linuxserver/sonarr", "4").WithConfigMount(host);
        builder.AddContainer("radarr", "lscr.io/linuxserver/radarr", "6").WithConfigMount(host);
        builder.AddContainer("scratch", "busybox", "1");

        var added = ConfigRestoreCommand.AddTo(builder, builder.BuildModel());

        Assert.Equal(["sonarr", "radarr"], added);
    }

    [Fact]
    public void WithoutABackupNoAppIsOffered()
    {
        var builder = TestAppBuilder.Create(DistributedApplicationOperation.Run);
        var host = builder.AddHost();
        builder.AddContainer("sonarr", "lscr.io/linuxserver/sonarr", "4").WithConfigMount(host);
        var model = builder.BuildModel();

        Assert.Empty(ConfigRestoreCommand.AddTo(builder, model));
        Assert.Null(model.Resources.Single(r => r.Name == "sonarr").Annotations.OfType<ConfigRestoreAnnotation>().FirstOrDefault());
    }
}
