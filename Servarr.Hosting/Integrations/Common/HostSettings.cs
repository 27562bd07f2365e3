using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// The host-wide parameters every app shares: time zone, the user and group that own the files, the folder holding
/// each app's <c>/config</c> (<c>&lt;config root&gt;/&lt;app&gt;</c>) and the media library root.
/// </summary>
/// <example>
/// <code>
/// var host = new HostSettings(tz, puid, pgid, configRoot, mediaRoot);
/// builder.AddSonarr("sonarr", host);
/// </code>
/// </example>
/// <param name="TimeZone">IANA time zone, e.g. <c>Europe/Amsterdam</c>.</param>
/// <param name="UserId">The uid that owns config and media files (LinuxServer's PUID).</param>
/// <param name="GroupId">The gid that owns config and media files (LinuxServer's PGID).</param>
/// <param name="ConfigRoot">Host folder holding one config folder per app.</param>
/// <param name="MediaRoot">Host folder of the library and downloads (one tree, so moves are hardlinks).</param>
public sealed record HostSettings(
    IResourceBuilder<ParameterResource> TimeZone,
    IResourceBuilder<ParameterResource> UserId,
    IResourceBuilder<ParameterResource> GroupId,
    IResourceBuilder<ParameterResource> ConfigRoot,
    IResourceBuilder<ParameterResource> MediaRoot)
{
    /// <summary>The host folder of an app's configuration: <c>{config-root}/&lt;app&gt;</c>.</summary>
    public ReferenceExpression ConfigFolder(string app) => ServarrExpressions.FromParts([ConfigRoot.Resource, "/" + app]);

    /// <summary>A path under the media root, e.g. <c>MediaFolder("media")</c> → <c>{media-root}/media</c>.</summary>
    public ReferenceExpression MediaFolder(string? subfolder = null) =>
        ServarrExpressions.FromParts(subfolder is null ? [MediaRoot.Resource] : [MediaRoot.Resource, "/" + subfolder]);
}
