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
                if (container.TryGetLastAnnotation<HostFolderOwnerAnnotation>(out var owner) && !OperatingSystem.IsWindows()
                    && uint.TryParse(RunExpressions.Render(owner.Uid, run.Parameters), NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
                    && uint.TryParse(RunExpressions.Render(owner.Gid, run.Parameters), NumberStyles.None, CultureInfo.InvariantCulture, out var gid)
                    && Chown(folder, uid, gid) != 0)
                {
                    throw new ServarrException($"resource '{container.Name}': cannot give {folder} to {uid}:{gid} (errno {Marshal.GetLastPInvokeError()}); run as root or create it yourself: sudo install -d -o {uid} -g {gid} {folder}");
                }
            }
        }

        return created;
    }

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, uint owner, uint group);
}
