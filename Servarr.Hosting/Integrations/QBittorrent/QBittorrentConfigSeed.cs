using System.Text;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Integrations.QBittorrent;

/// <summary>
/// The settings qBittorrent gets on its first start, so downloads land in the media tree (where Sonarr and Radarr can
/// hardlink them) instead of the image's <c>/downloads</c>, which is not mounted. Written as a LinuxServer
/// <c>/custom-cont-init.d</c> script: the image runs such scripts as root with bash after it has copied its default
/// <c>qBittorrent.conf</c> and before qBittorrent starts (linuxserver/docker-baseimage-alpine:
/// root/etc/s6-overlay/s6-rc.d/init-custom-files). The script writes the settings only while the config is still that
/// untouched default: a config qBittorrent or the user has written is never changed.
/// </summary>
/// <param name="SavePath">Where finished downloads go, e.g. <c>/data/torrents</c>.</param>
/// <param name="Categories">Category name → its folder under <paramref name="SavePath"/>, e.g. <c>tv</c> → <c>tv</c>.</param>
public sealed record QBittorrentConfigSeed(string SavePath, IReadOnlyList<(string Name, string Folder)> Categories)
{
    /// <summary>The seed of the default stack: <c>/data/torrents</c>, incomplete downloads under it, categories tv and movies.</summary>
    public static QBittorrentConfigSeed Default { get; } = new("/data/torrents", [("tv", "tv"), ("movies", "movies")]);

    /// <summary>The script's path in the container (LinuxServer runs every file in that folder).</summary>
    public const string Target = "/custom-cont-init.d/50-servarr-seed-config";

    /// <summary>qBittorrent's config file in the LinuxServer image (HOME and XDG_CONFIG_HOME are <c>/config</c>).</summary>
    public const string ConfigFile = "/config/qBittorrent/qBittorrent.conf";

    /// <summary>Where qBittorrent keeps its categories (its config folder).</summary>
    public const string CategoriesFile = "/config/qBittorrent/categories.json";

    /// <summary>The image's default config, which the image copies when <see cref="ConfigFile"/> is missing.</summary>
    public const string ImageDefaultConfig = "/defaults/qBittorrent.conf";

    /// <summary>
    /// The WebUI password hash (<see cref="QBittorrentPassword.Hash(string)"/>) for <see cref="QBittorrentResource.WebUiUsername"/>;
    /// null leaves it unset, and qBittorrent then prints a temporary password to its log on each start. The model fills it
    /// in from <see cref="QBittorrentResource.WebUiPassword"/> when it renders the script.
    /// </summary>
    public string? PasswordHash { get; init; }

    /// <summary>
    /// The only network interface BitTorrent traffic may use, e.g. <c>tun0</c> (the VPN tunnel): with the tunnel down,
    /// nothing leaves. Null binds to every interface. The model fills it in for an app behind <c>.WithVpn(gluetun)</c>.
    /// </summary>
    public string? NetworkInterface { get; init; }

    /// <summary>Where unfinished downloads go.</summary>
    public string IncompletePath => $"{SavePath}/incomplete";

    /// <summary>
    /// qBittorrent.conf. The keys are qBittorrent's (qbittorrent/qBittorrent@release-5.2.3: src/base/bittorrent/sessionimpl.cpp,
    /// <c>BitTorrent/Session/DefaultSavePath</c>, <c>TempPath</c>, <c>TempPathEnabled</c>, written as INI sections). The
    /// image default's other settings are kept, but not its legacy <c>[Preferences] Downloads\SavePath</c> and
    /// <c>Downloads\TempPath</c>: on the first start qBittorrent's upgrade step copies those over the session keys
    /// (src/app/upgrade.cpp), which would undo the seed.
    /// </summary>
    /// <remarks>
    /// The WebUI user is <c>[Preferences] WebUI\Username</c> and <c>WebUI\Password_PBKDF2</c> (src/base/preferences.cpp);
    /// the interface is <c>[BitTorrent] Session\Interface</c> and <c>Session\InterfaceName</c> (sessionimpl.cpp).
    /// </remarks>
    public string RenderConfig()
    {
        var bind = NetworkInterface is null ? "" : $"Session\\Interface={NetworkInterface}\nSession\\InterfaceName={NetworkInterface}\n";
        var password = PasswordHash is null ? "" : $"WebUI\\Password_PBKDF2=\"{PasswordHash}\"\n";
        return $"""
            [AutoRun]
            enabled=false
            program=

            [BitTorrent]
            Session\DefaultSavePath={SavePath}
            {bind}Session\TempPath={IncompletePath}
            Session\TempPathEnabled=true

            [LegalNotice]
            Accepted=true

            [Preferences]
            Connection\PortRangeMin=6881
            Connection\UPnP=false
            WebUI\Address=*
            {password}WebUI\ServerDomains=*
            WebUI\Username={QBittorrentResource.WebUiUsername}

            """;
    }

    /// <summary>categories.json: <c>{"tv": {"save_path": "/data/torrents/tv"}, ...}</c> (src/base/bittorrent/categoryoptions.cpp).</summary>
    public string RenderCategories()
    {
        var text = new StringBuilder("{\n");
        for (var i = 0; i < Categories.Count; i++)
        {
            var (name, folder) = Categories[i];
            text.Append($"    \"{name}\": {{ \"save_path\": \"{SavePath}/{folder}\" }}").Append(i < Categories.Count - 1 ? ",\n" : "\n");
        }

        return text.Append("}\n").ToString();
    }

    private string Summary() =>
        (PasswordHash is null ? $"; WebUI user {QBittorrentResource.WebUiUsername}, no password: qBittorrent prints a temporary one"
            : $"; WebUI user {QBittorrentResource.WebUiUsername} with its password")
        + (NetworkInterface is null ? "" : $"; torrents bound to {NetworkInterface}");

    /// <summary>The init script (POSIX sh, run by the image with bash as root; PUID/PGID are the container's).</summary>
    public string RenderScript()
    {
        var folders = string.Join(" ", new[] { SavePath, IncompletePath }.Concat(Categories.Select(c => $"{SavePath}/{c.Folder}")));
        return $$"""
            # Written by Servarr from Servarr.AppHost/Program.cs: qBittorrent's settings for its first start.
            # LinuxServer's init runs this as root after it copied its default config, before qBittorrent starts.
            # It changes nothing once the config differs from the image's default (qBittorrent or you wrote it).
            set -eu
            conf={{ConfigFile}}
            if [ -f "$conf" ] && [ -f {{ImageDefaultConfig}} ] && [ "$(cat "$conf")" != "$(cat {{ImageDefaultConfig}})" ]; then
                echo "servarr: $conf is not the image's default; left as it is"
                exit 0
            fi
            if [ -f "$conf" ] && [ ! -f {{ImageDefaultConfig}} ]; then
                echo "servarr: $conf exists; left as it is"
                exit 0
            fi
            owner="${PUID:-911}:${PGID:-911}"
            mkdir -p "$(dirname "$conf")"
            cat >"$conf" <<'SERVARR_CONF'
            {{RenderConfig().TrimEnd('\n')}}
            SERVARR_CONF
            chown "$owner" "$conf"
            chmod 600 "$conf" # it holds the WebUI password's hash
            if [ ! -e {{CategoriesFile}} ]; then
                cat >{{CategoriesFile}} <<'SERVARR_CATEGORIES'
            {{RenderCategories().TrimEnd('\n')}}
            SERVARR_CATEGORIES
                chown "$owner" {{CategoriesFile}}
            fi
            for folder in {{folders}}; do
                if [ ! -d "$folder" ]; then
                    mkdir -p "$folder" && chown "$owner" "$folder"
                fi
            done
            echo "servarr: seeded $conf (downloads in {{SavePath}}, incomplete in {{IncompletePath}}{{Summary()}})"

            """;
    }
}
