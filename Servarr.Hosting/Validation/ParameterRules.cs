using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Validation;

/// <summary>
/// Secrets go only into environment variables; a resource waited on for completion can complete. (A parameter without a
/// value is not a problem: in run mode the resources that use it wait for it, see ParameterGate.)
/// </summary>
internal static class ParameterRules
{
    public static void Check(ValidationContext context)
    {
        foreach (var resource in context.Model.Resources)
        {
            CheckSecretsStayInEnvironment(context, resource);
            foreach (var wait in resource.Annotations.OfType<WaitAnnotation>().Where(w => w.WaitType == WaitType.WaitForCompletion))
            {
                if (wait.Resource.GetRestartPolicy() == RestartPolicy.Always && wait.Resource is ContainerResource)
                {
                    context.Report(resource, $"waits for '{wait.Resource.Name}' to complete, but its restart policy is 'always' so it never does; give '{wait.Resource.Name}' .WithRestartPolicy(RestartPolicy.No)");
                }
            }
        }
    }

    private static void CheckSecretsStayInEnvironment(ValidationContext context, IResource resource)
    {
        var plain = resource.GetArgs(ServarrExecution.Publish).Select(e => (Where: "an argument", Value: e))
            .Concat(resource.GetMounts().Select(m => (Where: $"the mount source at {m.Target}", Value: m.Source)))
            .Concat(resource.Annotations.OfType<ContainerLabelAnnotation>().Select(l => (Where: $"label '{l.Key}'", Value: l.Value)))
            .Concat(resource.Annotations.OfType<UserAnnotation>().SelectMany(u => new[] { (Where: "the user", Value: u.Uid), (Where: "the user", Value: u.Gid) }));
        foreach (var (where, value) in plain)
        {
            foreach (var secret in value.References.OfType<ParameterResource>().Where(p => p.Secret).Distinct())
            {
                context.Report(resource, $"secret parameter '{secret.Name}' is used in {where}, where anyone can read it (docker inspect, ps); pass it through WithEnvironment instead");
            }
        }
    }
}
