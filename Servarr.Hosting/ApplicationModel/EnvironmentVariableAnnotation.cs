namespace Servarr.Hosting.ApplicationModel;

/// <summary>One environment variable; a later annotation with the same name wins.</summary>
public sealed class EnvironmentVariableAnnotation : IResourceAnnotation
{
    /// <summary>Records a variable.</summary>
    public EnvironmentVariableAnnotation(string name, ReferenceExpression value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        Name = name;
        Value = value;
    }

    /// <summary>The variable name (checked by the validator).</summary>
    public string Name { get; }

    /// <summary>The value, possibly referring to parameters and endpoints.</summary>
    public ReferenceExpression Value { get; }
}
