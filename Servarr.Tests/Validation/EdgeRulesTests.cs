using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Validation;

/// <summary>An admin UI is public only behind a sign-in (Cloudflare Access) or for the paths its integration lets in.</summary>
public class EdgeRulesTests
{
    [Fact]
    public void AnAdminUiWithAPublicHostnameAndNoSignInIsRefusedWithBothWaysOut()
    {
        var builder = TestAppBuilder.Create();
        builder.AddSonarr("sonarr", builder.AddHost()).WithPublicHostname("sonarr");

        var problems = builder.Problems();

        Assert.Equal(["resource 'sonarr': public hostname 'sonarr' would put its admin UI on the internet with no sign-in in front; add .WithCloudflareAccess() (a Cloudflare Access application for the identities in admin_emails), or remove .WithPublicHostname(\"sonarr\") and use 127.0.0.1:8989 on the server over ssh -L"], problems);
    }

    [Fact]
    public void WithCloudflareAccessTheAdminUiMayBePublic()
    {
        var builder = TestAppBuilder.Create();
        var host = builder.AddHost();
        builder.AddSonarr("sonarr", host).WithPublicHostname("sonarr").WithCloudflareAccess();
        builder.AddQBittorrent("qbittorrent", host).WithPublicHostname("torrents").WithCloudflareAccess();

        Assert.Empty(builder.Problems());
    }

    [Fact]
    public void AnAppThatIsNotAnAdminUiNeedsNoSignIn()
    {
        var builder = TestAppBuilder.Create();
        builder.AddContainer("blog", "docker.io/library/blog", "1.0").WithHttpEndpoint(targetPort: 80).WithPublicHostname("blog");

        Assert.Empty(builder.Problems());
    }

    [Fact]
    public void AnAdminUiWhosePublicPartIsLimitedToSomePathsNeedsNoSignIn()
    {
        var builder = TestAppBuilder.Create();
        builder.AddContainer("kuma", "docker.io/louislam/uptime-kuma", "2.5.3").WithHttpEndpoint(targetPort: 3001).WithLoopbackPort()
            .WithPublicHostname("status").WithAnnotation(new PublicPathAnnotation("^/status/[a-z0-9-]+/?$", "status pages only"));
        builder.AddContainer("kuma2", "docker.io/louislam/uptime-kuma", "2.5.3").WithHttpEndpoint(targetPort: 3001).WithLoopbackPort(hostPort: 3002)
            .WithPublicHostname("status2");

        var problems = builder.Problems();

        Assert.Equal(["resource 'kuma2': public hostname 'status2' would put its admin UI on the internet with no sign-in in front; add .WithCloudflareAccess() (a Cloudflare Access application for the identities in admin_emails), or remove .WithPublicHostname(\"status2\") and use 127.0.0.1:3002 on the server over ssh -L"], problems);
    }

    [Fact]
    public void ASignInWithNoPublicHostnameToGuardIsRefused()
    {
        var builder = TestAppBuilder.Create();
        builder.AddRadarr("radarr", builder.AddHost()).WithCloudflareAccess();

        Assert.Equal(["resource 'radarr': has .WithCloudflareAccess() but no public hostname for it to guard; add .WithPublicHostname(\"<subdomain>\") or remove .WithCloudflareAccess()"], builder.Problems());
    }
}
