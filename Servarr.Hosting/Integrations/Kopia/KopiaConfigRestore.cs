using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Integrations.Kopia;

/// <summary>
/// Kopia as a <see cref="IConfigRestoreProvider"/>: put on every app it backs up (<see cref="ConfigRestoreAnnotation"/>),
/// it plans the restore of the app's config folder from the app's Kopia source (<see cref="KopiaRestorePlan"/>).
/// </summary>
/// <param name="kopia">The Kopia resource that backs the app up.</param>
/// <example>
/// <code>
/// app.Annotations.Add(new ConfigRestoreAnnotation(new KopiaConfigRestore(kopia)));
/// </code>
/// </example>
public sealed class KopiaConfigRestore(KopiaResource kopia) : IConfigRestoreProvider
{
    /// <inheritdoc />
    public IResource BackupResource { get; } = kopia ?? throw new ArgumentNullException(nameof(kopia));

    /// <inheritdoc />
    public IConfigRestorePlan Plan(IResource app, ConfigRestoreContext context) => KopiaRestorePlan.Create((KopiaResource)BackupResource, app, context);
}
