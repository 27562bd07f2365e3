namespace Servarr.Hosting.ApplicationModel;

/// <summary>The Docker label keys Servarr puts on what it creates; no other code spells them out.</summary>
public static class ServarrLabels
{
    /// <summary>The resource a container (or compose service) was made from.</summary>
    public const string Resource = "servarr.resource";

    /// <summary>The application (AppHost) a run-mode object belongs to.</summary>
    public const string App = "servarr.app";

    /// <summary>The run that created a session object; its leftovers are swept by the next run.</summary>
    public const string Session = "servarr.session";

    /// <summary>A hash of everything the container was created from: unchanged hash, nothing to recreate.</summary>
    public const string SpecHash = "servarr.spec-hash";

    /// <summary>A hash of the files generated for the container (e.g. cloudflared's config.yml): a change recreates it.</summary>
    public const string GeneratedFiles = "servarr.generated-files";
}
