using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Builder;

public class DistributedApplicationBuilderTests
{
    [Theory]
    [InlineData(new string[0], DistributedApplicationOperation.Run)]
    [InlineData(new[] { "run" }, DistributedApplicationOperation.Run)]
    [InlineData(new[] { "publish", "--publisher", "compose" }, DistributedApplicationOperation.Publish)]
    [InlineData(new[] { "--publisher", "manifest", "--output-path", "x.json" }, DistributedApplicationOperation.Publish)]
    [InlineData(new[] { "--publisher=manifest" }, DistributedApplicationOperation.Publish)]
    public void CommandLineDecidesRunOrPublishBeforeResourcesAreDeclared(string[] args, DistributedApplicationOperation expected)
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = args, AppHostDirectory = "/tmp", ReadMachineConfiguration = false });

        Assert.Equal(expected, builder.ExecutionContext.Operation);
    }

    [Fact]
    public void AspireSwitchesAreMappedToConfiguration()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = ["--publisher", "manifest", "--output-path=out.json"],
            AppHostDirectory = "/tmp",
            ReadMachineConfiguration = false,
        });

        Assert.Equal("manifest", builder.Configuration["Publishing:Publisher"]);
        Assert.Equal("out.json", builder.Configuration["Publishing:OutputPath"]);
    }

    [Fact]
    public void ImageRegistryIsSplitOffAndPartsCanBeReplaced()
    {
        var builder = TestAppBuilder.Create();
        var app = builder.AddContainer("app", "lscr.io/linuxserver/sonarr", "4.0").WithImageTag("4.1").WithImageRegistry("ghcr.io");

        var image = app.Resource.GetImage()!;

        Assert.Equal(("ghcr.io", "linuxserver/sonarr", "4.1"), (image.Registry, image.Image, image.Tag));
        Assert.Equal("ghcr.io/linuxserver/sonarr:4.1", image.Reference);
        Assert.Single(app.Resource.Annotations.OfType<ContainerImageAnnotation>());
    }

    [Fact]
    public async Task DeclaringTheStackDoesNoIO()
    {
        using var temp = new TempDirectory();
        var configRoot = temp.Combine("config");

        var app = await AppHostRunner.RunAsync(["run"], new Dictionary<string, string?> { ["Parameters:config-root"] = configRoot }, skipRun: true);

        Assert.NotNull(app.Application);
        Assert.Equal(15, app.Application!.Model.Containers.Count());
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }
}
