namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// Visitors of the resource's public hostnames sign in at the edge before anything reaches the app: the cloudflare
/// publisher writes a Cloudflare Access application per hostname whose allow policy includes only the identities listed
/// in terraform's <c>admin_emails</c>. An admin UI (an endpoint with a <see cref="LoopbackPortAnnotation"/>) may have a
/// public hostname only with it, or with a <see cref="PublicPathAnnotation"/> that keeps the admin pages private.
/// </summary>
/// <example>
/// <code>
/// sonarr.WithPublicHostname("sonarr").WithAnnotation(new SignInRequiredAnnotation()); // what .WithCloudflareAccess() records
/// </code>
/// </example>
public sealed class SignInRequiredAnnotation : IResourceAnnotation;
