namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// The app accepts its API key from a parameter. Apps that reference it get <c>&lt;NAME&gt;_API_KEY</c>.
/// </summary>
public sealed class ApiKeyAnnotation : IResourceAnnotation
{
    /// <summary>Records the key parameter.</summary>
    public ApiKeyAnnotation(ParameterResource key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.Secret)
        {
            throw new ArgumentException($"API key parameter '{key.Name}' must be secret.", nameof(key));
        }

        Key = key;
    }

    /// <summary>The secret parameter holding the key.</summary>
    public ParameterResource Key { get; }
}
