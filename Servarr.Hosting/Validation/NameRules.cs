using System.Text.RegularExpressions;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Validation;

/// <summary>
/// Names become container names, compose keys, Kubernetes names and manifest keys: lowercase letters, digits and
/// single hyphens, starting with a letter, at most 63 characters, unique.
/// </summary>
internal static partial class NameRules
{
    public const int MaxLength = 63;
    public const int MaxEndpointNameLength = 15;

    [GeneratedRegex("^[a-z]([a-z0-9]|-(?!-))*(?<!-)$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.]*$")]
    private static partial Regex EnvironmentNamePattern();

    public static bool IsValidName(string name) => name.Length is > 0 and <= MaxLength && NamePattern().IsMatch(name);

    public static void Check(ValidationContext context)
    {
        foreach (var resource in context.Model.Resources)
        {
            if (!IsValidName(resource.Name))
            {
                context.Report(resource, $"invalid name '{resource.Name}'; use lowercase letters, digits and single hyphens, starting with a letter, at most {MaxLength} characters (e.g. '{Suggest(resource.Name)}')");
            }

            CheckEndpointNames(context, resource);
            CheckEnvironmentNames(context, resource);
            foreach (var volume in resource.GetMounts().Where(m => m.Type == ContainerMountType.Volume))
            {
                if (!IsValidName(volume.VolumeName!))
                {
                    context.Report(resource, $"invalid volume name '{volume.VolumeName}'; use lowercase letters, digits and single hyphens (e.g. '{Suggest(volume.VolumeName!)}')");
                }
            }
        }

        foreach (var group in context.Model.Resources.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            context.Report(group.Key, $"the name is used by {group.Count()} resources; give each resource its own name");
        }
    }

    private static void CheckEndpointNames(ValidationContext context, IResource resource)
    {
        foreach (var endpoint in resource.GetEndpointAnnotations())
        {
            if (endpoint.Name.Length > MaxEndpointNameLength || !NamePattern().IsMatch(endpoint.Name))
            {
                context.Report(resource, $"invalid endpoint name '{endpoint.Name}'; use at most {MaxEndpointNameLength} lowercase letters, digits and hyphens (it becomes a Kubernetes port name)");
            }
        }

        foreach (var group in resource.GetEndpointAnnotations().GroupBy(e => e.Name).Where(g => g.Count() > 1))
        {
            context.Report(resource, $"endpoint name '{group.Key}' is used {group.Count()} times; pass a distinct name: to each endpoint");
        }
    }

    private static void CheckEnvironmentNames(ValidationContext context, IResource resource)
    {
        foreach (var (name, _) in EnvironmentEvaluator.Evaluate(resource, ServarrExecution.Publish))
        {
            if (!EnvironmentNamePattern().IsMatch(name))
            {
                context.Report(resource, $"invalid environment variable name '{name}'; use letters, digits and '_' (e.g. '{ServarrResourceExtensions.ToEnvironmentName(Suggest(name))}')");
            }
        }
    }

    internal static string Suggest(string name)
    {
        var lowered = Regex.Replace(name.Trim().ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        if (lowered.Length == 0 || !char.IsAsciiLetter(lowered[0]))
        {
            lowered = "app-" + lowered;
        }

        return lowered.Length > MaxLength ? lowered[..MaxLength].TrimEnd('-') : lowered;
    }
}
