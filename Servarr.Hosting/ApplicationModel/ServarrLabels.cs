namespace Servarr.Hosting.ApplicationModel;

/// <summary>The Docker label keys Servarr puts on what it creates; no other code spells them out.</summary>
public static class ServarrLabels
{
    /// <summary>The resource a container (or compose service) was made from.</summary>
    public const string Resource = "servarr.resource";
}
