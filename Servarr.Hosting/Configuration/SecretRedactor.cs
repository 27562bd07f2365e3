namespace Servarr.Hosting.Configuration;

/// <summary>
/// The secret values a configuration pass used — secret parameters' values, Plex's token read from its Preferences.xml —
/// and their removal from what the pass reports: an app that echoes a key or password in its error text must not put
/// it into the dashboard, the health check, the AppHost's log or the <c>configure</c> step's output.
/// </summary>
/// <example><code>var secrets = new SecretRedactor(); secrets.Add(apiKey); secrets.Redact($"401: bad key {apiKey}") // "401: bad key ***"</code></example>
public sealed class SecretRedactor
{
    // Shorter values (a port, "admin") are not secrets worth hiding and would blank out ordinary words.
    private const int MinimumLength = 6;
    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Remembers <paramref name="secret"/> (ignored when empty or shorter than 6 characters).</summary>
    public void Add(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Trim().Length < MinimumLength)
        {
            return;
        }

        lock (_lock)
        {
            _secrets.Add(secret);
            _secrets.Add(secret.Trim());
            _secrets.Add(Uri.EscapeDataString(secret.Trim()));
        }
    }

    /// <summary><paramref name="text"/> with every remembered secret replaced by <c>***</c>, longest first.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] secrets;
        lock (_lock)
        {
            secrets = [.. _secrets.OrderByDescending(s => s.Length)];
        }

        foreach (var secret in secrets)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return text;
    }
}
