using System.Globalization;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration.Vpn;

/// <summary>
/// Resolves a VPN app's environment the way Aspire does for its containers (the resource's environment callbacks, values
/// in Aspire's container network), except that an endpoint in the app's own network namespace — another app behind the
/// same gateway, or the gateway — is <c>localhost:&lt;target port&gt;</c> (<see cref="InNetworkAddress.HostFor"/>), as the
/// publishers write it.
/// </summary>
internal static class VpnEnvironment
{
    /// <summary>The app's environment variables with their values.</summary>
    public static async Task<Dictionary<string, string>> ResolveAsync(ContainerResource app, DistributedApplicationExecutionContext executionContext,
        CancellationToken cancellationToken)
    {
        var raw = new Dictionary<string, object>(StringComparer.Ordinal);
        var callbackContext = new EnvironmentCallbackContext(executionContext, app, raw, cancellationToken);
        foreach (var callback in app.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(callbackContext).ConfigureAwait(false);
        }

        var context = new ValueProviderContext { ExecutionContext = executionContext, Caller = app, Network = KnownNetworkIdentifiers.DefaultAspireContainerNetwork };
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in raw)
        {
            if (await ResolveValueAsync(value, app, context, cancellationToken).ConfigureAwait(false) is { } resolved)
            {
                environment[key] = resolved;
            }
        }

        return environment;
    }

    /// <summary>One value: an endpoint in <paramref name="app"/>'s namespace by hand, anything else by Aspire.</summary>
    internal static async ValueTask<string?> ResolveValueAsync(object? value, IResource app, ValueProviderContext context, CancellationToken cancellationToken)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return text;
            case EndpointReference endpoint when SharesNamespace(endpoint.Resource, app):
                return InNetworkAddress.Render(endpoint.Property(EndpointProperty.Url), app);
            case EndpointReferenceExpression property when SharesNamespace(property.Endpoint.Resource, app):
                return InNetworkAddress.Render(property, app);
            case ReferenceExpression { IsConditional: false } expression when expression.StringFormats.All(f => f is null):
                var parts = new object?[expression.ValueProviders.Count];
                for (var i = 0; i < parts.Length; i++)
                {
                    parts[i] = await ResolveValueAsync(expression.ValueProviders[i], app, context, cancellationToken).ConfigureAwait(false);
                }

                return string.Format(CultureInfo.InvariantCulture, expression.Format, parts);
            case IValueProvider provider:
                return await provider.GetValueAsync(context, cancellationToken).ConfigureAwait(false);
            default:
                return Convert.ToString(value, CultureInfo.InvariantCulture);
        }
    }

    private static bool SharesNamespace(IResource owner, IResource app) => InNetworkAddress.HostFor(owner, app) == "localhost";
}
