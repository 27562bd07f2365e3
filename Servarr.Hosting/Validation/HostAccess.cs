namespace Servarr.Hosting.Validation;

/// <summary>
/// What a container may get from the host, as pure checks on resolved values (host paths normalised first, so
/// <c>/var/run/</c>, <c>/srv/../etc</c> and <c>../../..</c> are seen for what they are): engine sockets and the folders
/// holding them, system folders and home folders mounted writable, capabilities (an allow-list) and devices (an allow-list). The model
/// rules and the publishers' checks of their final objects (after escape hatches) share these, and their messages.
/// </summary>
internal static class HostAccess
{
    /// <summary>The container engines' sockets where they usually live.</summary>
    private static readonly string[] s_sockets =
    [
        "/var/run/docker.sock", "/run/docker.sock", "/run/containerd/containerd.sock", "/var/run/containerd/containerd.sock",
        "/run/podman/podman.sock", "/var/run/podman/podman.sock",
    ];

    private static readonly string[] s_socketNames = ["docker.sock", "containerd.sock", "podman.sock"];

    /// <summary>Folders that may not be mounted writable, nor anything under them.</summary>
    private static readonly string[] s_systemTrees =
    [
        "/etc", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/usr", "/boot", "/dev", "/proc", "/sys", "/root",
        "/var/lib/docker", "/var/lib/containerd", "/var/lib/kubelet",
    ];

    /// <summary>Folders that may not be mounted writable themselves (their subfolders may).</summary>
    private static readonly HashSet<string> s_systemFolders = new(StringComparer.Ordinal) { "/home", "/var/lib" };

    /// <summary>Capabilities Docker grants every container by default: adding them back (after <c>cap_drop</c>) is safe.</summary>
    private static readonly HashSet<string> s_dockerDefaults = new(StringComparer.Ordinal)
    {
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "NET_RAW", "SETFCAP",
        "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    };

    /// <summary>Capabilities that amount to a privileged container.</summary>
    private static readonly HashSet<string> s_privileged = new(StringComparer.Ordinal)
    {
        "ALL", "SYS_ADMIN", "SYS_MODULE", "SYS_RAWIO", "SYS_PTRACE", "SYS_BOOT", "MAC_ADMIN", "DAC_READ_SEARCH",
    };

    /// <summary>Every other Linux capability (capabilities(7)), with what it lets a container do to the host.</summary>
    private static readonly Dictionary<string, string> s_refused = new(StringComparer.Ordinal)
    {
        ["AUDIT_CONTROL"] = "changes the host's audit rules",
        ["AUDIT_READ"] = "reads the host's audit log",
        ["BLOCK_SUSPEND"] = "keeps the host from suspending",
        ["BPF"] = "loads eBPF programs into the host's kernel",
        ["CHECKPOINT_RESTORE"] = "checkpoints and restores the host's processes",
        ["IPC_LOCK"] = "locks host memory",
        ["IPC_OWNER"] = "bypasses permission checks on shared memory",
        ["LEASE"] = "takes leases on any file",
        ["LINUX_IMMUTABLE"] = "changes immutable files",
        ["MAC_OVERRIDE"] = "overrides AppArmor/SELinux",
        ["NET_ADMIN"] = "reconfigures the network (only a VPN gateway needs it)",
        ["NET_BROADCAST"] = "broadcasts and listens to multicast",
        ["PERFMON"] = "reads the host's performance and kernel data",
        ["SYS_NICE"] = "raises its priority over the host's processes",
        ["SYS_PACCT"] = "switches process accounting",
        ["SYS_RESOURCE"] = "overrides resource limits",
        ["SYS_TIME"] = "sets the host's clock",
        ["SYS_TTY_CONFIG"] = "reconfigures the host's terminals",
        ["SYSLOG"] = "reads and clears the kernel log",
        ["WAKE_ALARM"] = "wakes the host from suspend",
    };

    /// <summary>The devices a container may get, with what for.</summary>
    private const string AllowedDevices = "/dev/net/tun for a VPN, /dev/dri for hardware transcoding";

    /// <summary>The path with <c>.</c>, <c>..</c>, repeated and trailing slashes resolved (POSIX, no file system access).</summary>
    public static string Normalize(string path)
    {
        var absolute = path.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (!absolute)
                {
                    parts.Add("..");
                }

                continue;
            }

            parts.Add(part);
        }

        var joined = string.Join('/', parts);
        return absolute ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    /// <summary>Whether the (normalised) host path is a container engine's socket.</summary>
    public static bool IsEngineSocket(string path) => s_socketNames.Any(n => path == "/" + n || path.EndsWith("/" + n, StringComparison.Ordinal));

    /// <summary>Whether the (normalised) host path is the Docker socket.</summary>
    public static bool IsDockerSocket(string path) => path.EndsWith("/docker.sock", StringComparison.Ordinal);

    /// <summary>
    /// The problem with bind-mounting host path <paramref name="source"/> (resolved, not yet normalised) at
    /// <paramref name="target"/>, apart from the Docker socket itself (which needs a reason); null when it is fine.
    /// </summary>
    public static string? BindProblem(string source, string target, bool readOnly)
    {
        var path = Normalize(source);
        var shown = path == source ? source : $"{source} (that is {path})";
        if (path.StartsWith("..", StringComparison.Ordinal))
        {
            return $"bind source {source} climbs out of the AppHost folder; use an absolute host path";
        }

        if (IsEngineSocket(path) && !IsDockerSocket(path))
        {
            return $"mounts the container engine's socket {shown} at {target}, which is root on the host; remove the mount (only the Docker socket may be mounted, read-only, with .WithDockerSocket(\"what it reads\"))";
        }

        if (!IsEngineSocket(path) && (path == "/" || s_sockets.Any(s => s.StartsWith(path + "/", StringComparison.Ordinal))))
        {
            return $"mounts {shown} at {target}, a folder holding the container engine's socket (root on the host, read-only or not); mount only the folders the app needs";
        }

        if (!readOnly && (s_systemFolders.Contains(path) || IsHome(path) || s_systemTrees.Any(t => path == t || path.StartsWith(t + "/", StringComparison.Ordinal))))
        {
            return $"mounts the host's {(IsHome(path) ? "home" : "system")} folder {shown} writable at {target}; mount a folder of the app's own, or pass isReadOnly: true";
        }

        return null;
    }

    // A user's home folder itself (its keys, user secrets and the AppHost's sources): what ../../.. from the AppHost reaches.
    private static bool IsHome(string path) =>
        (path.StartsWith("/home/", StringComparison.Ordinal) || path.StartsWith("/Users/", StringComparison.Ordinal)) && path.Count(c => c == '/') == 2;

    /// <summary>Whether Docker grants <paramref name="capability"/> (no <c>CAP_</c> prefix) to every container by default.</summary>
    public static bool IsDockerDefaultCapability(string capability) => s_dockerDefaults.Contains(capability);

    /// <summary>The problem with adding <paramref name="capability"/> (no <c>CAP_</c> prefix), or null when it is allowed.</summary>
    public static string? CapabilityProblem(string capability, bool isVpnGateway)
    {
        var name = capability.Trim().ToUpperInvariant();
        name = name.StartsWith("CAP_", StringComparison.Ordinal) ? name[4..] : name;
        if (s_dockerDefaults.Contains(name) || (name == "NET_ADMIN" && isVpnGateway))
        {
            return null;
        }

        if (s_privileged.Contains(name))
        {
            return $"adds capability {name}, which is as good as a privileged container; remove it (Servarr runs no privileged containers)";
        }

        return s_refused.TryGetValue(name, out var what)
            ? $"adds capability {name}, which {what}; remove it (allowed: Docker's defaults such as CHOWN, SETUID, NET_BIND_SERVICE, and NET_ADMIN on a VPN gateway)"
            : $"adds capability '{capability}', which is not a Linux capability; remove it, or write its name from capabilities(7) without CAP_ (e.g. NET_BIND_SERVICE)";
    }

    /// <summary>The problem with passing host device <paramref name="hostPath"/> through, or null when it is allowed.</summary>
    public static string? DeviceProblem(string hostPath)
    {
        var path = Normalize(hostPath);
        return path == "/dev/net/tun" || path == "/dev/dri" || path.StartsWith("/dev/dri/", StringComparison.Ordinal)
            ? null
            : $"passes device {hostPath} through, which gives the container the host's hardware; remove it (allowed: {AllowedDevices})";
    }
}
