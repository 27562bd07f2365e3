using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Validation;

/// <summary>Values Program.cs passed to Servarr's verbs that they refused (recorded, not thrown): one line each.</summary>
internal static class InputRules
{
    public static void Check(ValidationContext context)
    {
        foreach (var resource in context.Model.Resources)
        {
            foreach (var input in resource.Annotations.OfType<InvalidInputAnnotation>())
            {
                context.Report(resource, input.ToString());
            }

            foreach (var mount in resource.Annotations.OfType<ContainerMountAnnotation>().Where(m => !m.Target.StartsWith('/')))
            {
                var verb = mount.Type == ContainerMountType.Volume ? ".WithVolume" : ".WithBindMount";
                context.Report(resource, $"{verb}({InputChecks.Quote(mount.Source)}, {InputChecks.Quote(mount.Target)}): the mount target must be an absolute path inside the container; pass e.g. \"/{mount.Target.TrimStart('.', '/')}\"");
            }
        }
    }
}
