namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// A container run once to completion and then removed (e.g. <c>kopia restore</c>), described without an engine.
/// <see cref="Environment"/> holds real values, secrets included: <see cref="ToString"/> prints only the name.
/// </summary>
/// <param name="Name">The container name.</param>
/// <param name="Image">The image reference.</param>
/// <param name="Command">The entrypoint and its arguments.</param>
/// <param name="Environment">Variables with their values.</param>
/// <param name="Mounts">Bind mounts and volumes.</param>
/// <param name="Hostname">The hostname, or null for the engine's.</param>
/// <param name="User">The <c>uid:gid</c> to run as, or null for the image's.</param>
/// <param name="Labels">Labels, so a leftover is recognised.</param>
/// <example>
/// <code>
/// new OneOffContainerSpec("kopia-restore-sonarr", "docker.io/kopia/kopia:0.23.1", ["/bin/sh", "-c", "kopia snapshot list /data/sonarr --json"],
///     env, [new OneOffMount("/srv/config/sonarr", "/data/sonarr", IsVolume: false, IsReadOnly: true)], "servarr", "0:0", labels);
/// </code>
/// </example>
public sealed record OneOffContainerSpec(
    string Name,
    string Image,
    IReadOnlyList<string> Command,
    IReadOnlyList<KeyValuePair<string, string>> Environment,
    IReadOnlyList<OneOffMount> Mounts,
    string? Hostname,
    string? User,
    IReadOnlyDictionary<string, string> Labels)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>A mount of a <see cref="OneOffContainerSpec"/>.</summary>
/// <param name="Source">The host path (bind) or the volume name.</param>
/// <param name="Target">The path inside the container.</param>
/// <param name="IsVolume">A named volume rather than a bind mount.</param>
/// <param name="IsReadOnly">Mounted read-only.</param>
/// <example><code>new OneOffMount("kopia-cache", "/app/cache", IsVolume: true, IsReadOnly: false)</code></example>
public sealed record OneOffMount(string Source, string Target, bool IsVolume, bool IsReadOnly);

/// <summary>How a one-off container ended: its exit code (-1 when it timed out) and its console output.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <example><code>new OneOffResult(1, "", "ERROR no space left\n").LastLine // "ERROR no space left"</code></example>
public sealed record OneOffResult(long ExitCode, string Output, string Error)
{
    /// <summary>The last non-empty line of standard error (else of standard output), for a one-line message.</summary>
    public string LastLine => LastNonEmpty(Error) ?? LastNonEmpty(Output) ?? $"exit code {ExitCode}";

    private static string? LastNonEmpty(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
}
