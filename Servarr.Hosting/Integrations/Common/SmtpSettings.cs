using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// A mail server and the addresses an app sends from and to, as parameters: all optional, and an empty <see cref="Host"/>
/// means the app sends no mail (Tautulli's newsletter is then off).
/// </summary>
/// <example>
/// <code>
/// var smtp = new SmtpSettings(smtpHost, smtpPort, smtpUsername, smtpPassword, newsletterFrom, newsletterTo);
/// tautulli.WithNewsletter(smtp);
/// </code>
/// </example>
/// <param name="Host">The SMTP server, e.g. <c>smtp.example.com</c>; empty: no mail.</param>
/// <param name="Port">Its port: 465 is SSL/TLS, any other STARTTLS; empty: 587.</param>
/// <param name="Username">The SMTP login (empty: none).</param>
/// <param name="Password">Its password, a secret.</param>
/// <param name="From">The sender address, e.g. <c>tautulli@example.com</c>.</param>
/// <param name="To">The recipients, comma separated.</param>
public sealed record SmtpSettings(
    IResourceBuilder<ParameterResource> Host,
    IResourceBuilder<ParameterResource> Port,
    IResourceBuilder<ParameterResource> Username,
    IResourceBuilder<ParameterResource> Password,
    IResourceBuilder<ParameterResource> From,
    IResourceBuilder<ParameterResource> To)
{
    /// <summary>The port used when <see cref="Port"/> is empty (submission with STARTTLS).</summary>
    public const int DefaultPort = 587;
}
