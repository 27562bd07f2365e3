namespace Servarr.Hosting.ApplicationModel;

/// <summary>A Docker label on the container, e.g. Watchtower's <c>com.centurylinklabs.watchtower.enable</c>.</summary>
public sealed class ContainerLabelAnnotation : IResourceAnnotation
{
    /// <summary>Records a label.</summary>
    public ContainerLabelAnnotation(string key, ReferenceExpression value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (key.Length == 0 || key.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '='))
        {
            throw new ArgumentException($"label key '{key}' is empty or holds a space, '=' or a line break; pass a key like \"com.example.role\"", nameof(key));
        }

        Key = key;
        Value = value;
    }

    /// <summary>The label key.</summary>
    public string Key { get; }

    /// <summary>The label value.</summary>
    public ReferenceExpression Value { get; }
}
