namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// The app shows a setup wizard to whoever opens it until it is set up (Seerr's <c>/setup</c>, Wizarr's admin sign-up,
/// Uptime Kuma's first-run page): the first visitor would own it. Servarr's configuration sets it up instead, and the
/// app is healthy only once that succeeded — so the tunnel, which waits for every app it publishes with a wizard
/// (validation refuses a tunnel that does not), never routes a hostname to an app that is not set up yet.
/// </summary>
/// <example>
/// <code>
/// seerr.WithAnnotation(new SetupWizardAnnotation("/setup"));
/// </code>
/// </example>
public sealed class SetupWizardAnnotation : IResourceAnnotation
{
    /// <summary>Records the wizard's path, e.g. <c>/setup</c>.</summary>
    public SetupWizardAnnotation(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"the setup wizard's path must start with '/', e.g. /setup (got '{path}')", nameof(path));
        }

        Path = path;
    }

    /// <summary>Where the wizard is, e.g. <c>/setup</c>.</summary>
    public string Path { get; }
}
