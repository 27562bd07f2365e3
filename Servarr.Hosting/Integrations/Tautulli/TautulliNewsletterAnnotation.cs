using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>Tautulli sends its recently-added newsletter by mail through <see cref="Smtp"/> (<c>WithNewsletter</c>).</summary>
internal sealed class TautulliNewsletterAnnotation(SmtpSettings smtp) : IResourceAnnotation
{
    /// <summary>The mail server and addresses.</summary>
    public SmtpSettings Smtp { get; } = smtp ?? throw new ArgumentNullException(nameof(smtp));
}
