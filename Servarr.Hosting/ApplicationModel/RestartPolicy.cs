namespace Servarr.Hosting.ApplicationModel;

/// <summary>What the engine does when a container exits.</summary>
public enum RestartPolicy
{
    /// <summary>Never restart (one-shot jobs).</summary>
    No,
    /// <summary>Always restart, also after the host reboots (the stack's default).</summary>
    Always,
    /// <summary>Restart unless stopped by hand.</summary>
    UnlessStopped,
    /// <summary>Restart only after a non-zero exit.</summary>
    OnFailure,
}
