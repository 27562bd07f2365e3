namespace Servarr.Tests.TestSupport;

/// <summary>Configuration that gives the default stack every value it needs to run, with throw-away folders.</summary>
internal static class StackParameters
{
    /// <summary>The parameters of Program.cs without a default (appsettings.json has the rest).</summary>
    public static readonly string[] Required =
    [
        "vpn-provider", "wireguard-private-key", "wireguard-addresses", "tunnel-token", "r2-account-id", "r2-bucket",
        "r2-access-key-id", "r2-secret-access-key", "kopia-password", "uptime-kuma-password", "pushbullet-access-token",
    ];

    /// <summary>Every required value set to <c>test-&lt;name&gt;</c>, config and media roots in <paramref name="temp"/> (media created).</summary>
    public static Dictionary<string, string?> ForRun(TempDirectory temp)
    {
        Directory.CreateDirectory(temp.Combine("media", "media"));
        var configuration = Required.ToDictionary(n => $"Parameters:{n}", n => (string?)$"test-{n}");
        configuration["Parameters:config-root"] = temp.Combine("config");
        configuration["Parameters:media-root"] = temp.Combine("media");
        return configuration;
    }
}
