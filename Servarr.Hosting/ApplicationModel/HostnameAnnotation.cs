namespace Servarr.Hosting.ApplicationModel;

/// <summary>A fixed host name inside the container (compose <c>hostname:</c>), for apps that record it, such as Kopia's snapshot owner.</summary>
public sealed class HostnameAnnotation : IResourceAnnotation
{
    /// <summary>Records a host name.</summary>
    public HostnameAnnotation(string hostname)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostname);
        if (hostname.Length > 63 || !hostname.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException($"'{hostname}' is not a host name (letters, digits and '-', at most 63).", nameof(hostname));
        }

        Hostname = hostname;
    }

    /// <summary>The host name.</summary>
    public string Hostname { get; }
}
