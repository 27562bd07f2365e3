namespace Servarr.Hosting.ApplicationModel;

/// <summary>A Docker label on the container, e.g. Watchtower's <c>com.centurylinklabs.watchtower.enable</c>.</summary>
public sealed class ContainerLabelAnnotation : IResourceAnnotation
{
    /// <summary>Records a label.</summary>
    public ContainerLabelAnnotation(string key, ReferenceExpression value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        Key = key;
        Value = value;
    }

    /// <summary>The label key.</summary>
    public string Key { get; }

    /// <summary>The label value.</summary>
    public ReferenceExpression Value { get; }
}
