namespace Servarr.Hosting.ApplicationModel;

/// <summary>A host device made available in the container, e.g. <c>/dev/net/tun</c>.</summary>
public sealed class DeviceAnnotation : IResourceAnnotation
{
    /// <summary>Records a device.</summary>
    public DeviceAnnotation(string hostPath, string? containerPath = null)
    {
        ArgumentNullException.ThrowIfNull(hostPath);
        if (!hostPath.StartsWith("/dev/", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{hostPath}' is not a device; pass a path under /dev, e.g. \"/dev/net/tun\" (files and folders are mounts: .WithBindMount)", nameof(hostPath));
        }

        HostPath = hostPath;
        ContainerPath = containerPath ?? hostPath;
    }

    /// <summary>The device on the host.</summary>
    public string HostPath { get; }

    /// <summary>Where it appears in the container.</summary>
    public string ContainerPath { get; }
}
