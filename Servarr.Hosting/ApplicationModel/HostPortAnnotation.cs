namespace Servarr.Hosting.ApplicationModel;

/// <summary>The container may publish a port on every interface of the host; the reason says who connects to it there. Validation refuses host ports anywhere else: the tunnel is the way in, and run mode gives every endpoint a 127.0.0.1 port.</summary>
public sealed class HostPortAnnotation : IResourceAnnotation
{
    /// <summary>Records the exception and why it is needed.</summary>
    public HostPortAnnotation(string reason)
    {
        Reason = InputChecks.RequireText(reason, "the reason for a host port", "LAN clients connect to 32400", nameof(reason));
    }

    /// <summary>Why the resource needs it; shown by <c>doctor</c>.</summary>
    public string Reason { get; }
}
