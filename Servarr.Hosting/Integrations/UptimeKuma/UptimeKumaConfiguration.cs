using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// Uptime Kuma's first user, the admin AutoKuma signs in as, created the way its first-run page does (Socket.IO
/// <c>setup</c>) while Kuma says it needs one (<c>needSetup</c>); once a user exists this item only asks.
/// </summary>
internal sealed class UptimeKumaAdminItem(AppConfigurationContext context, ParameterResource username, ParameterResource password)
    : ConfigurationItem("admin account", username.Name)
{
    /// <summary>The first-run page asks only for this user.</summary>
    public override bool EndsSetupWizard => true;

    public override async Task<ConfigurationChange?> CompareAsync(CancellationToken cancellationToken)
    {
        var address = context.Http.BaseAddress ?? throw new InvalidOperationException("the configuration client has no base address");
        await using (var socket = await UptimeKumaSocket.ConnectAsync(address, cancellationToken).ConfigureAwait(false))
        {
            context.CountCall(false);
            if (!await socket.NeedSetupAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }

        var user = await context.Value(username, cancellationToken).ConfigureAwait(false);
        var secret = await context.Value(password, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(user) || string.IsNullOrEmpty(secret))
        {
            throw new ConfigurationException($"{username.Name} and {password.Name} need values to create Uptime Kuma's admin account");
        }

        return new ConfigurationChange("no user yet (first-run page open)", async ct =>
        {
            await using var socket = await UptimeKumaSocket.ConnectAsync(address, ct).ConfigureAwait(false);
            context.CountCall(true);
            await socket.SetupAsync(user.Trim(), secret, ct).ConfigureAwait(false);
        });
    }
}
