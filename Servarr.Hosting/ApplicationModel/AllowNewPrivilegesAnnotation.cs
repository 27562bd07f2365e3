namespace Servarr.Hosting.ApplicationModel;

/// <summary>The container may gain privileges through setuid binaries (Servarr sets <c>no-new-privileges</c> on every other container); the reason says why it must.</summary>
public sealed class AllowNewPrivilegesAnnotation : IResourceAnnotation
{
    /// <summary>Records the exception and why it is needed.</summary>
    public AllowNewPrivilegesAnnotation(string reason)
    {
        Reason = InputChecks.RequireText(reason, "the reason to allow new privileges", "its entrypoint calls sudo", nameof(reason));
    }

    /// <summary>Why the resource needs it; shown by <c>doctor</c>.</summary>
    public string Reason { get; }
}
