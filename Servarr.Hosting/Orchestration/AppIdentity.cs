using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Servarr.Hosting.Orchestration;

/// <summary>
/// Which AppHost a run-mode object on the engine belongs to: the value of the <c>servarr.app</c> label
/// (<c>&lt;name&gt;-&lt;hash&gt;</c>, e.g. <c>servarr-3f9a1c2b</c>). The name is Aspire's normalised application name
/// (<c>Servarr.AppHost</c> → <c>servarr</c>); the hash is Aspire's own for the AppHost's path (configuration
/// <c>AppHost:PathSha256</c>, the same in run and publish mode), whose first 8 characters Aspire puts in the names of
/// persistent containers and of the persistent network. Two AppHosts in different folders never share it.
/// </summary>
public static partial class AppIdentity
{
    /// <summary>Aspire's configuration key of the hash of the AppHost's path (hex).</summary>
    public const string PathHashKey = "AppHost:PathSha256";

    /// <summary>The app name of the AppHost whose configuration and application name these are.</summary>
    /// <example><code>AppIdentity.Name(builder.Configuration, builder.Environment.ApplicationName, builder.AppHostDirectory) // "servarr-3f9a1c2b"</code></example>
    public static string Name(IConfiguration configuration, string applicationName, string appHostDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Name(applicationName, PathHash(configuration, appHostDirectory));
    }

    /// <summary>The app name from an application name and the AppHost's path hash.</summary>
    /// <example><code>AppIdentity.Name("Servarr.AppHost", "3F9A1C2B77...") // "servarr-3f9a1c2b"</code></example>
    public static string Name(string applicationName, string pathHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathHash);
        var name = NormalizedApplicationName(applicationName).ToLowerInvariant();
        var hash = HashSuffix(pathHash);
        return name.Length == 0 ? hash : $"{name}-{hash}";
    }

    /// <summary>The 8 characters of the path hash Aspire puts in persistent names.</summary>
    /// <example><code>AppIdentity.HashSuffix("3F9A1C2B77...") // "3f9a1c2b"</code></example>
    public static string HashSuffix(string pathHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathHash);
        return pathHash[..Math.Min(8, pathHash.Length)].ToLowerInvariant();
    }

    /// <summary>The path hash of this AppHost: Aspire's, else the SHA-256 of <paramref name="appHostDirectory"/>.</summary>
    /// <example><code>AppIdentity.PathHash(builder.Configuration, builder.AppHostDirectory) // "3F9A1C2B77..."</code></example>
    public static string PathHash(IConfiguration configuration, string appHostDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[PathHashKey] is { Length: >= 8 } hash ? hash
            : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(appHostDirectory).ToLowerInvariant())));
    }

    /// <summary>
    /// Aspire's persistent network of this AppHost: <c>aspire-persistent-network-&lt;hash8&gt;-&lt;Name&gt;</c> (the name
    /// keeps its case and is cut to 32 characters, as Aspire does).
    /// </summary>
    /// <example><code>AppIdentity.PersistentNetworkName("Servarr.AppHost", "3F9A1C2B77...") // "aspire-persistent-network-3f9a1c2b-Servarr"</code></example>
    public static string PersistentNetworkName(string applicationName, string pathHash)
    {
        return $"aspire-persistent-network-{HashSuffix(pathHash)}{SessionNetworkSuffix(applicationName)}";
    }

    /// <summary>How Aspire ends the names of the AppHost's session networks: <c>-&lt;Name&gt;</c>, or empty without a name.</summary>
    /// <example><code>AppIdentity.SessionNetworkSuffix("Servarr.AppHost") // "-Servarr"</code></example>
    public static string SessionNetworkSuffix(string applicationName)
    {
        var name = NormalizedApplicationName(applicationName);
        return name.Length == 0 ? "" : $"-{(name.Length < 32 ? name : name[..32])}";
    }

    /// <summary>Aspire's container name for a persistent container of this AppHost: <c>&lt;resource&gt;-&lt;hash8&gt;</c>.</summary>
    /// <example><code>AppIdentity.PersistentContainerName("plex", "3F9A1C2B77...") // "plex-3f9a1c2b"</code></example>
    public static string PersistentContainerName(string resourceName, string pathHash) => $"{resourceName}-{HashSuffix(pathHash)}";

    /// <summary>The application name as Aspire normalises it: without a trailing <c>AppHost</c>, letters, digits, <c>-._</c> only.</summary>
    /// <example><code>AppIdentity.NormalizedApplicationName("Servarr.AppHost") // "Servarr"</code></example>
    public static string NormalizedApplicationName(string applicationName)
    {
        if (string.IsNullOrEmpty(applicationName))
        {
            return "";
        }

        var match = AppHostSuffix().Match(applicationName);
        var name = match.Success ? match.Groups["name"].Value : applicationName;
        return string.Concat(name.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_'));
    }

    [GeneratedRegex(@"^(?<name>.+?)\.?AppHost$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex AppHostSuffix();
}
