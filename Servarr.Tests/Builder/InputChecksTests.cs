using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Builder;

/// <summary>Servarr's verbs record a value Program.cs got wrong; the validator reports them all, with every other problem.</summary>
public class InputChecksTests
{
    [Fact]
    public void EveryMistakeInOneModelIsReportedAtOnce()
    {
        var builder = TestAppBuilder.Create();
        var seerr = builder.AddContainer("seerr", "docker.io/library/seerr", "1.0").WithHttpEndpoint(targetPort: 5055);
        var kopia = builder.AddContainer("kopia", "docker.io/kopia/kopia", "0.19");

        seerr.WithPublicHostname("Requests").WithHostname("bad_host!").WithBackupExcludes("it's");
        kopia.WithDevice("/etc/shadow").WithNewPrivileges("").WithBindMount(ServarrExpressions.Literal("/srv/kopia"), "cache");
        builder.AddContainer("plex", "docker.io/plexinc/pms-docker", "latest"); // a problem found by a rule, reported with them

        Assert.Equal(
            [
                "resource 'seerr': .WithPublicHostname(\"Requests\"): 'Requests' is not one DNS label; use lowercase letters, digits and inner hyphens, at most 63 characters, e.g. \"requests\" (it becomes <subdomain>.<domain>)",
                "resource 'seerr': .WithHostname(\"bad_host!\"): 'bad_host!' is not a host name; use letters, digits and '-', at most 63 characters, e.g. \"bad-host\"",
                "resource 'seerr': .WithBackupExcludes(\"it's\"): exclude pattern \"it's\" holds a single quote or a line break, which Kopia's start-up script cannot quote; match that character with ? instead",
                "resource 'kopia': .WithDevice(\"/etc/shadow\"): '/etc/shadow' is not a device; pass a path under /dev, e.g. \"/dev/net/tun\" (files and folders are mounts: .WithBindMount)",
                "resource 'kopia': .WithNewPrivileges(\"\"): the reason to allow new privileges is empty; say it in a few words, e.g. \"its entrypoint calls sudo\"",
                "resource 'kopia': .WithBindMount(\"/srv/kopia\", \"cache\"): the mount target must be an absolute path inside the container; pass e.g. \"/cache\"",
                "resource 'plex': image 'docker.io/plexinc/pms-docker:latest' uses tag 'latest', which changes under you; pin a version with .WithImageTag(\"<version>\")",
            ],
            builder.Problems());
    }

    [Fact]
    public void ARefusedValueAddsNothingElse()
    {
        var builder = TestAppBuilder.Create();
        var app = builder.AddContainer("app", "docker.io/library/app", "1.0");

        app.WithDockerSocket(" ").WithHostname("ok-name").WithHostname("not ok");

        Assert.Empty(app.Resource.GetMounts()); // no socket mounted without its reason
        Assert.Equal("ok-name", Assert.Single(app.Resource.Annotations.OfType<HostnameAnnotation>()).Hostname);
        Assert.Equal(2, app.Resource.Annotations.OfType<InvalidInputAnnotation>().Count());
    }

    [Fact]
    public void NullIsStillAProgrammingError()
    {
        var builder = TestAppBuilder.Create();
        var app = builder.AddContainer("app", "docker.io/library/app", "1.0");

        Assert.Throws<ArgumentNullException>(() => ((IResourceBuilder<ContainerResource>)null!).WithHostname("x"));
        Assert.Throws<ArgumentNullException>(() => app.WithHostname(null!));
        Assert.Throws<ArgumentNullException>(() => app.WithNewPrivileges(null!));
    }

    [Theory]
    [InlineData("it's", "\"it's\"")]
    [InlineData("a\nb\t\"c\"\\", "\"a\\nb\\t\\\"c\\\"\\\\\"")]
    [InlineData("\u0001", "\"\\u0001\"")]
    public void ACallIsQuotedOnOneLine(string value, string quoted) => Assert.Equal(quoted, InputChecks.Quote(value));
}
