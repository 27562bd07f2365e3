namespace Servarr.Hosting.ApplicationModel;

/// <summary>Whether a container outlives the AppHost in run mode.</summary>
public enum ContainerLifetime
{
    /// <summary>Removed when the AppHost stops.</summary>
    Session,
    /// <summary>Left running, adopted by the next run while its spec is unchanged.</summary>
    Persistent,
}
