using System.Text.RegularExpressions;

namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// An Uptime Kuma notification provider AutoKuma creates and attaches to every derived monitor. Its secret never goes
/// into a label: the label holds a template that AutoKuma fills from its own environment variable
/// <see cref="SecretVariable"/> (only <c>AUTOKUMA__ENV__*</c> variables are readable from templates).
/// </summary>
public sealed partial class KumaNotificationAnnotation : IResourceAnnotation
{
    /// <summary>Records a notification provider.</summary>
    /// <param name="id">The AutoKuma id, e.g. <c>pushbullet</c>.</param>
    /// <param name="displayName">The name shown in Uptime Kuma.</param>
    /// <param name="provider">Uptime Kuma's provider type, e.g. <c>pushbullet</c>.</param>
    /// <param name="secretField">The provider's config field that takes the secret, e.g. <c>pushbulletAccessToken</c>.</param>
    /// <param name="secretVariable">AutoKuma's variable holding the secret; must start with <c>AUTOKUMA__ENV__</c>.</param>
    /// <param name="secret">The secret parameter.</param>
    public KumaNotificationAnnotation(string id, string displayName, string provider, string secretField, string secretVariable, ParameterResource secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretField);
        ArgumentNullException.ThrowIfNull(secret);
        if (id is null || !Id().IsMatch(id))
        {
            throw new ArgumentException($"AutoKuma id '{id}' must be lowercase letters, digits and hyphens.", nameof(id));
        }

        if (secretVariable is null || !secretVariable.StartsWith("AUTOKUMA__ENV__", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{secretVariable}' must start with AUTOKUMA__ENV__, the only variables AutoKuma templates may read.", nameof(secretVariable));
        }

        if (!secret.Secret)
        {
            throw new ArgumentException($"Parameter '{secret.Name}' must be declared with secret: true.", nameof(secret));
        }

        NotificationId = id;
        DisplayName = displayName;
        Provider = provider;
        SecretField = secretField;
        SecretVariable = secretVariable;
        Secret = secret;
    }

    /// <summary>The AutoKuma id.</summary>
    public string NotificationId { get; }

    /// <summary>The name shown in Uptime Kuma.</summary>
    public string DisplayName { get; }

    /// <summary>Uptime Kuma's provider type.</summary>
    public string Provider { get; }

    /// <summary>The provider's config field that takes the secret.</summary>
    public string SecretField { get; }

    /// <summary>AutoKuma's environment variable holding the secret.</summary>
    public string SecretVariable { get; }

    /// <summary>The secret parameter.</summary>
    public ParameterResource Secret { get; }

    /// <summary>The provider config label value: JSON whose secret field is a template AutoKuma fills at sync time.</summary>
    public string ConfigTemplate =>
        $$"""{"type":"{{Provider}}","{{SecretField}}":"{{"{{"}} get_env(name='{{SecretVariable}}') {{"}}"}}"}""";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Id();
}
