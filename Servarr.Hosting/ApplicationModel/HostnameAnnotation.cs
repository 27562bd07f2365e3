namespace Servarr.Hosting.ApplicationModel;

/// <summary>A fixed host name inside the container (compose <c>hostname:</c>), for apps that record it, such as Kopia's snapshot owner.</summary>
public sealed class HostnameAnnotation : IResourceAnnotation
{
    /// <summary>Records a host name.</summary>
    public HostnameAnnotation(string hostname)
    {
        ArgumentNullException.ThrowIfNull(hostname);
        if (hostname.Length is 0 or > 63 || !hostname.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException($"'{hostname}' is not a host name; use letters, digits and '-', at most 63 characters, e.g. {InputChecks.Quote(InputChecks.SuggestLabel(hostname))}", nameof(hostname));
        }

        Hostname = hostname;
    }

    /// <summary>The host name.</summary>
    public string Hostname { get; }
}
