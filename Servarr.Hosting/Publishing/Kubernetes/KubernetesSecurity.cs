using System.Globalization;
using k8s.Models;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Publishing.Kubernetes;

/// <summary>
/// The security context of a pod's containers, from the model: capabilities (<c>drop: [ALL]</c> and what the resource
/// keeps or adds, <see cref="CapabilitySet"/>), <c>allowPrivilegeEscalation: false</c> with no-new-privileges, the user
/// (an explicit <c>.WithUser</c>, else the image's declared non-root user) and <c>runAsNonRoot</c> whenever that user is
/// not root. The init containers that wait for a dependency run as <c>nobody</c> with nothing: no capability, no
/// escalation, a read-only root filesystem.
/// </summary>
internal static class KubernetesSecurity
{
    /// <summary>The uid and gid of busybox's <c>nobody</c>, which the wait containers run as.</summary>
    public const long Nobody = 65534;

    /// <summary>The context of <paramref name="resource"/>'s container, or null when it sets nothing; <paramref name="render"/> resolves parameters.</summary>
    public static V1SecurityContext? For(ContainerResource resource, Func<ReferenceExpression, string> render)
    {
        var security = new V1SecurityContext();
        var capabilities = CapabilitySet.Of(resource);
        if (capabilities.DropsAll || capabilities.Added.Count > 0)
        {
            security.Capabilities = new V1Capabilities
            {
                Drop = capabilities.DropsAll ? ["ALL"] : null,
                Add = capabilities.Added.Count == 0 ? null : [.. capabilities.Added],
            };
        }

        if (resource.HasNoNewPrivileges())
        {
            security.AllowPrivilegeEscalation = false;
        }

        if (resource.TryGetLastAnnotation<UserAnnotation>(out var user))
        {
            var (uid, gid) = (render(user.Uid), render(user.Gid));
            security.RunAsUser = long.TryParse(uid, NumberStyles.None, CultureInfo.InvariantCulture, out var u) ? u
                : throw new ServarrException($"resource '{resource.Name}': user '{uid}' is not a number; Kubernetes runs containers as numeric ids");
            security.RunAsGroup = long.TryParse(gid, NumberStyles.None, CultureInfo.InvariantCulture, out var g) ? g : null;
        }
        else if (resource.TryGetLastAnnotation<ImageUserAnnotation>(out var imageUser))
        {
            (security.RunAsUser, security.RunAsGroup) = (imageUser.Uid, imageUser.Gid);
        }

        if (security.RunAsUser is > 0)
        {
            security.RunAsNonRoot = true; // the kubelet refuses to start it as root, whatever the image says
        }

        return security.Capabilities is null && security.AllowPrivilegeEscalation is null && security.RunAsUser is null ? null : security;
    }

    /// <summary>The context of a wait init container (busybox' <c>nc</c> needs no privilege to connect).</summary>
    public static V1SecurityContext ForWait() => new()
    {
        RunAsUser = Nobody,
        RunAsGroup = Nobody,
        RunAsNonRoot = true,
        AllowPrivilegeEscalation = false,
        ReadOnlyRootFilesystem = true,
        Capabilities = new V1Capabilities { Drop = ["ALL"] },
    };
}
