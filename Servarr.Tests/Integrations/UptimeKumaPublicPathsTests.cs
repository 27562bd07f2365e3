using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Integrations;

/// <summary>
/// Uptime Kuma's public hostname lets in its status pages and what they load, and nothing of the admin surface
/// (paths read in louislam/uptime-kuma@2.5.3; see the integration's UPSTREAM.md).
/// </summary>
public class UptimeKumaPublicPathsTests
{
    private static readonly PublicPathAnnotation s_paths = new(UptimeKumaStatusPages.PublicPaths, "status pages");

    [Theory]
    [InlineData("/status/servarr")]
    [InlineData("/status/servarr/")]
    [InlineData("/status/my-home/rss")]
    [InlineData("/api/status-page/servarr")]
    [InlineData("/api/status-page/heartbeat/servarr")]
    [InlineData("/api/status-page/servarr/manifest.json")]
    [InlineData("/api/status-page/servarr/incident-history")]
    [InlineData("/api/status-page/servarr/badge")]
    [InlineData("/assets/index-Bq3x9Z1a.js")]
    [InlineData("/upload/logo1.png")]
    [InlineData("/icon.svg")]
    [InlineData("/favicon.ico")]
    [InlineData("/icon-192x192.png")]
    [InlineData("/apple-touch-icon-precomposed.png")]
    [InlineData("/manifest.json")]
    [InlineData("/serviceWorker.js")]
    public void WhatAStatusPageLoadsIsLetIn(string path) => Assert.True(s_paths.Allows(path), path);

    [Theory]
    [InlineData("/")] // redirects to /dashboard
    [InlineData("/dashboard")]
    [InlineData("/setup")] // first-run: creates the admin
    [InlineData("/setup-database")]
    [InlineData("/socket.io/")] // the admin API, and `setup` before the first user
    [InlineData("/socket.io/?EIO=4&transport=polling")]
    [InlineData("/metrics")]
    [InlineData("/api/push/abc123")]
    [InlineData("/api/entry-page")]
    [InlineData("/settings/general")]
    [InlineData("/manage-status-page")]
    [InlineData("/upload/kuma.db")] // /upload serves the whole upload folder
    [InlineData("/upload/logo1.png.bak")]
    [InlineData("/assets/../socket.io/")]
    [InlineData("/status/servarr/../../dashboard")]
    [InlineData("/status/-bad")]
    [InlineData("/dashboard/status/servarr")] // unanchored matching would let this in
    public void TheAdminSurfaceStaysPrivate(string path) => Assert.False(s_paths.Allows(path), path);

    [Fact]
    public async Task TheDefaultStacksStatusHostnameCarriesThePatternAndTheOthersNone()
    {
        var model = await AppHostRunner.BuildDefaultStackAsync();

        var routes = PublicRoutes.Of(model, "example.com");

        Assert.Equal(UptimeKumaStatusPages.PublicPaths, Assert.Single(routes, r => r.Hostname == "status.example.com").Path);
        Assert.All(routes.Where(r => r.Hostname != "status.example.com"), r => Assert.Null(r.Path));
    }

    [Theory]
    [InlineData("/status/x", "must be anchored with ^ and $")]
    [InlineData("^/status/x", "must be anchored with ^ and $")]
    [InlineData("^/status/'x'$", "may not hold quotes, backticks, spaces or control characters")]
    [InlineData("^/status/`x`$", "may not hold quotes, backticks, spaces or control characters")]
    public void APatternThatWouldBeWrittenWrongIsRefused(string pattern, string expected)
    {
        var exception = Assert.Throws<ArgumentException>(() => new PublicPathAnnotation(pattern, "why"));
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }
}
