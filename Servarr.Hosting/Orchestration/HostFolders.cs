using System.Globalization;
using System.Runtime.InteropServices;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration;

/// <summary>
/// Creates every app's config folder before anything starts, owned by the uid:gid the app needs (Docker would create a
/// missing bind source owned by root); media folders are never created (validation reports a missing one).
/// </summary>
public static partial class HostFolders
{
    /// <summary>Creates the config folders of <paramref name="model"/>; returns the folders created.</summary>
    public static IReadOnlyList<string> CreateConfigFolders(DistributedApplicationModel model, RunContext run)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(run);
        var created = new List<string>();
        foreach (var container in model.Containers)
        {
            foreach (var mount in container.GetMounts().Where(m => m.Purpose == ContainerMountPurpose.Config && m.Type == ContainerMountType.BindMount))
            {
                var folder = run.HostPath(mount.Source);
                if (Directory.Exists(folder))
                {
                    continue;
                }

                Directory.CreateDirectory(folder);
                created.Add(folder);
                if (!TryGive(folder, container.TryGetLastAnnotation<HostFolderOwnerAnnotation>(out var owner) ? owner : null, run, out var uid, out var gid))
                {
                    throw new ServarrException($"resource '{container.Name}': cannot give {folder} to {uid}:{gid} (errno {Marshal.GetLastPInvokeError()}); run as root or create it yourself: sudo install -d -o {uid} -g {gid} {folder}");
                }
            }
        }

        return created;
    }

    /// <summary>
    /// Gives each existing secret file to the uid its container reads it as (<see cref="SecretFileReaderAnnotation"/>),
    /// keeping its mode, so a 0400 file stays unreadable to everyone else; returns the files given.
    /// </summary>
    public static IReadOnlyList<string> GiveSecretFiles(DistributedApplicationModel model, RunContext run)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(run);
        var given = new List<string>();
        foreach (var container in model.Containers)
        {
            if (!container.TryGetLastAnnotation<SecretFileReaderAnnotation>(out var reader) || OperatingSystem.IsWindows())
            {
                continue;
            }

            foreach (var mount in container.GetMounts().Where(m => m.Purpose == ContainerMountPurpose.SecretFile && m.Type == ContainerMountType.BindMount))
            {
                var file = run.HostPath(mount.Source);
                if (!File.Exists(file))
                {
                    continue; // validation names a missing one
                }

                if (Chown(file, (uint)reader.Uid, uint.MaxValue) != 0) // a gid of -1 keeps the group
                {
                    throw new ServarrException($"resource '{container.Name}': cannot give {file} to uid {reader.Uid}, which the app runs as (errno {Marshal.GetLastPInvokeError()}); run as root or: sudo chown {reader.Uid} {file}");
                }

                given.Add(file);
            }
        }

        return given;
    }

    /// <summary>
    /// Creates the folders of parameters that fall back to a development folder (run mode, nothing configured) with their
    /// subfolders, owned like the apps that mount them; returns each such parameter with its folder.
    /// </summary>
    public static IReadOnlyList<(ParameterResource Parameter, string Folder)> CreateDevelopmentFolders(DistributedApplicationModel model, RunContext run)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(run);
        var used = new List<(ParameterResource, string)>();
        foreach (var parameter in model.Parameters.Where(p => p.Default is DevelopmentParameterDefault && run.Parameters.Resolve(p).Source == ParameterValueSource.Development))
        {
            var development = (DevelopmentParameterDefault)parameter.Default!;
            var owner = model.Containers.Where(c => c.GetMounts().Any(m => m.Source.References.Contains(parameter)))
                .Select(c => c.TryGetLastAnnotation<HostFolderOwnerAnnotation>(out var o) ? o : null).FirstOrDefault(o => o is not null);
            foreach (var folder in development.Subfolders.Select(s => Path.Combine(development.Path, s)).Prepend(development.Path))
            {
                if (Directory.Exists(folder))
                {
                    continue;
                }

                Directory.CreateDirectory(folder);
                _ = TryGive(folder, owner, run, out _, out _); // best effort: a developer's own folder stays theirs when chown is not allowed
            }

            used.Add((parameter, development.Path));
        }

        return used;
    }

    /// <summary>
    /// Gives <paramref name="folder"/> to <paramref name="owner"/>'s uid:gid; true when done or nothing to do (no owner,
    /// Windows, ids that are not numbers), false when chown refused (errno in <see cref="Marshal.GetLastPInvokeError"/>).
    /// </summary>
    private static bool TryGive(string folder, HostFolderOwnerAnnotation? owner, RunContext run, out uint uid, out uint gid)
    {
        (uid, gid) = (0, 0);
        return owner is null || OperatingSystem.IsWindows()
            || !uint.TryParse(RunExpressions.Render(owner.Uid, run.Parameters), NumberStyles.None, CultureInfo.InvariantCulture, out uid)
            || !uint.TryParse(RunExpressions.Render(owner.Gid, run.Parameters), NumberStyles.None, CultureInfo.InvariantCulture, out gid)
            || Chown(folder, uid, gid) == 0;
    }

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, uint owner, uint group);
}
