namespace Servarr.Hosting.ApplicationModel;

/// <summary>Wizarr: invitations and onboarding for new Plex users.</summary>
/// <param name="name">The resource name.</param>
/// <param name="adminUsername">The admin account Servarr creates in Wizarr's setup page, e.g. <c>wizarr-username</c>.</param>
/// <param name="adminPassword">Its password, e.g. the generated <c>wizarr-password</c>.</param>
public sealed class WizarrResource(string name, ParameterResource adminUsername, ParameterResource adminPassword) : ContainerResource(name)
{
    /// <summary>The name of the main endpoint.</summary>
    public const string PrimaryEndpointName = "http";

    /// <summary>The admin account's user name (3 to 15 letters, digits, <c>_ ' . -</c>, Wizarr's own rule).</summary>
    public ParameterResource AdminUsername { get; } = adminUsername ?? throw new ArgumentNullException(nameof(adminUsername));

    /// <summary>The admin account's password (8 or more characters with an upper-case letter, a lower-case letter and a digit).</summary>
    public ParameterResource AdminPassword { get; } = adminPassword ?? throw new ArgumentNullException(nameof(adminPassword));
}
