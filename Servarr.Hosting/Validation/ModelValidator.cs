using Servarr.Hosting.ApplicationModel;
namespace Servarr.Hosting.Validation;

/// <summary>
/// Checks the whole model and reports every problem at once, each naming the resource and the fix, before anything
/// is written or started.
/// </summary>
public static class ModelValidator
{
    /// <summary>Returns every problem found (empty when the model is fine).</summary>
    public static IReadOnlyList<ValidationProblem> Validate(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        InputRules.Check(context);
        NameRules.Check(context);
        GraphRules.Check(context);
        ImageRules.Check(context);
        EndpointRules.Check(context);
        EdgeRules.Check(context);
        ZoneRules.Check(context);
        HardeningRules.Check(context);
        VpnRules.Check(context);
        MountRules.Check(context);
        ParameterRules.Check(context);
        UpdateRules.Check(context);
        LoopbackPortRules.Check(context);
        RootFolderRules.Check(context);
        PublishedValueRules.Check(context);
        var checks = new ModelCheckContext(context.Model, context.ExecutionContext, context.Parameters, context.Publisher);
        foreach (var resource in context.Model.Resources)
        {
            foreach (var check in resource.Annotations.OfType<ModelCheckAnnotation>())
            {
                foreach (var message in check.Check(checks))
                {
                    context.Report(resource, message);
                }
            }
        }

        return context.Problems.ToList();
    }

    /// <summary>Throws <see cref="ModelValidationException"/> when there is any problem.</summary>
    public static void ThrowIfInvalid(ValidationContext context)
    {
        var problems = Validate(context);
        if (problems.Count > 0)
        {
            throw new ModelValidationException(problems);
        }
    }
}
