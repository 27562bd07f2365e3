using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Publishing;

namespace Servarr.Hosting.Validation;

/// <summary>
/// Values the compose and Kubernetes publishers write into files the user deploys: each must come back exactly from
/// <c>.env</c> (compose) or <c>settings.env</c> (kustomize); a parameter's <c>.env</c> key must not be one compose or
/// the shell sets itself; a parameter that is the root of a host folder must be an absolute path on the server.
/// </summary>
internal static class PublishedValueRules
{
    // Variables docker-compose reads for itself (COMPOSE_*, DOCKER_*) and ones every shell sets, which win over .env.
    private static readonly string[] Reserved = ["PATH", "HOME", "USER", "SHELL", "PWD", "OLDPWD", "HOSTNAME", "LANG", "TERM", "TMPDIR", "UID", "LOGNAME"];

    public static void Check(ValidationContext context)
    {
        var format = context.Publisher switch
        {
            "compose" => EnvValueFormat.Compose,
            "kubernetes" => EnvValueFormat.Kustomize,
            _ => null,
        };
        if (format is null || context.ExecutionContext.IsRunMode)
        {
            return;
        }

        var folders = context.Model.Resources.SelectMany(r => r.GetMounts()).Where(m => m.Type == ContainerMountType.BindMount)
            .Select(m => m.Source.Parts.FirstOrDefault()).OfType<ParameterResource>().ToHashSet();
        foreach (var parameter in context.Model.Parameters)
        {
            var key = ServarrResourceExtensions.ToEnvironmentName(parameter.Name);
            var subject = $"parameter '{parameter.Name}'";
            if (format == EnvValueFormat.Compose && (key.StartsWith("COMPOSE_", StringComparison.Ordinal) || key.StartsWith("DOCKER_", StringComparison.Ordinal) || Reserved.Contains(key)))
            {
                context.Report(subject, $"its .env key {key} is a variable docker-compose or the shell sets itself; rename the parameter, e.g. 'servarr-{parameter.Name}'");
            }

            if (parameter.Secret || context.Parameters.Resolve(parameter).Value is not { } value)
            {
                continue;
            }

            if (format.Problem(key, value) is { } problem)
            {
                context.Report(subject, $"{problem}; change the value of Parameters:{parameter.Name}");
            }
            else if (folders.Contains(parameter) && value.Length > 0 && !value.StartsWith('/'))
            {
                context.Report(subject, $"'{value}' is a relative path, which has no meaning on the server; set Parameters:{parameter.Name} to an absolute path, e.g. /srv/{parameter.Name}");
            }
        }
    }
}
