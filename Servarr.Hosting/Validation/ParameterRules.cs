using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Validation;

/// <summary>
/// Secrets go only into environment variables; required parameters have values when the stack runs; a resource
/// waited on for completion can complete.
/// </summary>
internal static class ParameterRules
{
    public static void Check(ValidationContext context)
    {
        foreach (var resource in context.Model.Resources)
        {
            CheckSecretsStayInEnvironment(context, resource);
            foreach (var wait in resource.Annotations.OfType<WaitAnnotation>().Where(w => w.Type == WaitType.Completion))
            {
                if (wait.Target.GetRestartPolicy() == RestartPolicy.Always && wait.Target is ContainerResource)
                {
                    context.Report(resource, $"waits for '{wait.Target.Name}' to complete, but its restart policy is 'always' so it never does; give '{wait.Target.Name}' .WithRestartPolicy(RestartPolicy.No)");
                }
            }
        }

        if (!context.ExecutionContext.IsRunMode)
        {
            return;
        }

        var used = new HashSet<ParameterResource>(context.Model.Resources.SelectMany(r => GraphRules.Expressions(context, r))
            .SelectMany(e => e.References).OfType<ParameterResource>());
        foreach (var parameter in context.Model.Parameters.Where(used.Contains))
        {
            if (context.Parameters.Resolve(parameter).Source == ParameterValueSource.Missing)
            {
                context.Report(parameter, $"required parameter has no value; set it with: dotnet user-secrets set {parameter.ConfigurationKey} <value> --project Servarr.AppHost (or the environment: env '{parameter.EnvironmentVariableName}=<value>' dotnet run ...)");
            }
        }
    }

    private static void CheckSecretsStayInEnvironment(ValidationContext context, IResource resource)
    {
        var plain = resource.Annotations.OfType<CommandLineArgsAnnotation>().SelectMany(a => a.Args).Select(e => (Where: "an argument", Value: e))
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
