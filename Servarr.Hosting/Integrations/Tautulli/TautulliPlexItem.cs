using System.Globalization;
using System.Text.Json.Nodes;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// Tautulli's Plex connection, as its setup wizard saves it. Read with <c>cmd=get_settings</c> (the config file's
/// sections; <c>pms_token</c> is never returned — Tautulli/Tautulli@v2.17.2 plexpy/api2.py <c>get_settings</c>,
/// plexpy/config.py <c>_DO_NOT_DOWNLOAD_KEYS</c>), compared on <c>[PMS]</c> <c>pms_ip</c>, <c>pms_port</c>,
/// <c>pms_ssl</c> and <c>[General]</c> <c>first_run_complete</c>. There is no API command for these settings, so the
/// change does what the wizard does (data/interfaces/default/welcome.html): the Plex token through the
/// <c>save_pms_token</c> handler, the server's identifier from <c>cmd=get_server_id</c>, then the <c>configUpdate</c>
/// handler with <c>first_run=1</c> — which saves the settings, sets <c>first_run_complete</c> and connects, and does not
/// reset the checkbox settings it was not sent, as a save without <c>first_run</c> would (plexpy/webserve.py
/// <c>configUpdate</c>, <c>save_pms_token</c>). The token is written with every change, never compared.
/// </summary>
internal sealed class TautulliPlexItem(TautulliApi api, AppConfigurationContext context, PlexResource plex) : ConfigurationItem("Plex server", plex.Name)
{
    private static readonly TimeSpan s_restartPause = TimeSpan.FromSeconds(3);

    public override async Task<ConfigurationChange?> CompareAsync(CancellationToken cancellationToken)
    {
        var token = await PlexToken.ReadAsync(context, plex, cancellationToken).ConfigureAwait(false);
        var desired = Desired();
        var differences = Differences(await api.ReadAsync("get_settings", cancellationToken).ConfigureAwait(false), desired).ToList();
        return differences.Count == 0 ? null
            : new ConfigurationChange(string.Join("; ", differences), ct => ApplyAsync(token, desired, ct));
    }

    private (string Host, int Port) Desired() =>
        (InNetworkAddress.HostFor(plex, context.Resource), plex.FindEndpoint(PlexResource.PrimaryEndpointName)?.TargetPort ?? PlexBuilderExtensions.PlexPort);

    private static IEnumerable<string> Differences(JsonNode? settings, (string Host, int Port) desired)
    {
        var pms = settings?["PMS"];
        var general = settings?["General"];
        foreach (var (name, have, want) in new (string, string?, string)[]
        {
            ("pms_ip", Text(pms?["pms_ip"]), desired.Host),
            ("pms_port", Text(pms?["pms_port"]), desired.Port.ToString(CultureInfo.InvariantCulture)),
            ("pms_ssl", Text(pms?["pms_ssl"]), "0"),
            ("first_run_complete", Text(general?["first_run_complete"]), "1"),
        })
        {
            if (have != want)
            {
                yield return $"{name} is {(have is null ? "unset" : $"'{have}'")}, the model says '{want}'";
            }
        }
    }

    private async Task ApplyAsync(string token, (string Host, int Port) desired, CancellationToken cancellationToken)
    {
        var port = desired.Port.ToString(CultureInfo.InvariantCulture);
        await api.PostFormAsync("save_pms_token", [new("token", token)], cancellationToken).ConfigureAwait(false);
        var server = await api.ReadAsync("get_server_id", cancellationToken, ("hostname", desired.Host), ("port", port), ("ssl", "0")).ConfigureAwait(false);
        if ((string?)server?["identifier"] is not { Length: > 0 } identifier)
        {
            throw new ConfigurationException($"cmd=get_server_id: Tautulli finds no Plex server at {desired.Host}:{port} (neither on plex.tv nor at /identity)");
        }

        KeyValuePair<string, string>[] form =
        [
            new("first_run", "1"), new("pms_ip", desired.Host), new("pms_port", port), new("pms_ssl", "0"), new("pms_is_cloud", "0"),
            new("pms_url_manual", "0"), new("pms_identifier", identifier),
        ];
        try
        {
            await api.PostFormAsync("configUpdate", form, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // With first_run Tautulli restarts its web server inside the request (webserve.py configUpdate: webstart.restart()),
            // which can drop the answer: the settings are saved before that, so read them back instead.
            await ConfirmAsync(desired, exception, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ConfirmAsync((string Host, int Port) desired, Exception dropped, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await Task.Delay(s_restartPause, cancellationToken).ConfigureAwait(false);
            try
            {
                if (!Differences(await api.ReadAsync("get_settings", cancellationToken).ConfigureAwait(false), desired).Any())
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // still restarting
            }
        }

        throw new ConfigurationException($"POST /configUpdate: {dropped.Message}; Tautulli's settings do not show the change");
    }

    /// <summary>A setting as text: Tautulli keeps ints, and its get_settings turns the strings "0"/"1" into booleans.</summary>
    private static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<bool>(out var flag) => flag ? "1" : "0",
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => value.ToJsonString(),
    };
}
