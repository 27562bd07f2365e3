namespace Servarr.Hosting.Orchestration;

/// <summary>
/// A container run once to completion and removed (e.g. <c>kopia restore</c>): what <see cref="IContainerRuntime.RunOneOffAsync"/>
/// creates. <see cref="Environment"/> holds real values, secrets included: <see cref="ToString"/> prints only the name.
/// </summary>
/// <param name="Name">The container name.</param>
/// <param name="Image">The image reference.</param>
/// <param name="Command">The entrypoint and its arguments.</param>
/// <param name="Environment">Variables with their values.</param>
/// <param name="Mounts">Bind mounts and volumes.</param>
/// <param name="Hostname">The hostname, or null for the engine's.</param>
/// <param name="User">The <c>uid:gid</c> to run as, or null for the image's.</param>
/// <param name="Labels">Labels (the app's, so <c>down</c> finds a leftover).</param>
public sealed record OneOffContainer(
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

/// <summary>A mount of a <see cref="OneOffContainer"/>.</summary>
/// <param name="Source">The host path (bind) or the volume name.</param>
/// <param name="Target">The path inside the container.</param>
/// <param name="IsVolume">A named volume rather than a bind mount.</param>
/// <param name="IsReadOnly">Mounted read-only.</param>
public sealed record OneOffMount(string Source, string Target, bool IsVolume, bool IsReadOnly);

/// <summary>How a <see cref="OneOffContainer"/> ended: its exit code (-1 when it timed out) and its console output.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
public sealed record OneOffResult(long ExitCode, string Output, string Error)
{
    /// <summary>The last non-empty line of standard error (else of standard output), for a one-line message.</summary>
    public string LastLine => LastNonEmpty(Error) ?? LastNonEmpty(Output) ?? $"exit code {ExitCode}";

    private static string? LastNonEmpty(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
}
