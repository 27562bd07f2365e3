namespace Servarr.Hosting.ApplicationModel;

/// <summary>What a mount holds, so run mode, backups and validation treat it right.</summary>
public enum ContainerMountPurpose
{
    /// <summary>Anything else (a socket, a device folder, scratch space).</summary>
    Other,
    /// <summary>The app's own settings and database: created on first run, backed up by Kopia.</summary>
    Config,
    /// <summary>The media library or downloads: must already exist; never created by Servarr.</summary>
    Media,

    /// <summary>
    /// A file holding a secret that the user supplies (a tunnel's credentials): must exist before run mode starts;
    /// Kubernetes mounts it from a Secret; never backed up.
    /// </summary>
    SecretFile,
}
