using System.Text;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Publishing.Compose;

/// <summary>
/// <c>prepare-host.sh</c>, written beside the compose file: run once as root before the first <c>up</c>, it creates
/// every app's config folder owned by PUID:PGID (Docker would create a missing one owned by root, which the apps that
/// run as PUID cannot write) and stops if a media folder is missing (Docker would mount an empty new one).
/// </summary>
internal static class PrepareHostScript
{
    public const string FileName = "prepare-host.sh";

    public static string Render(DistributedApplicationModel model)
    {
        var binds = model.Containers.SelectMany(c => c.GetMounts().Where(m => m.Type == ContainerMountType.BindMount).Select(m => (Container: c, Mount: m))).ToList();
        var config = binds.Where(b => b.Mount.Purpose == ContainerMountPurpose.Config)
            .Select(b => (Folder: Shell(b.Mount.Source), Owner: Owner(b.Container))).DistinctBy(c => c.Folder).ToList();
        var media = binds.Where(b => b.Mount.Purpose == ContainerMountPurpose.Media).Select(b => Shell(b.Mount.Source)).Distinct().ToList();
        var secretFiles = binds.Where(b => b.Mount.Purpose == ContainerMountPurpose.SecretFile)
            .Select(b => (b.Container.Name, File: Shell(b.Mount.Source), Reader: b.Container.TryGetLastAnnotation<SecretFileReaderAnnotation>(out var r) ? r : null)).ToList();
        var parameters = binds.Where(b => b.Mount.Purpose != ContainerMountPurpose.Other).SelectMany(b => b.Mount.Source.References)
            .Concat(binds.SelectMany(b => b.Container.Annotations.OfType<HostFolderOwnerAnnotation>()).SelectMany(o => o.Uid.References.Concat(o.Gid.References)))
            .OfType<ParameterResource>().Distinct().ToList();

        var text = new StringBuilder();
        text.Append("#!/bin/sh\n");
        text.Append("# Written by Servarr with docker-compose.yaml. Run it once as root before the first `up`:\n");
        text.Append("#   sudo sh prepare-host.sh\n");
        text.Append("# It creates every app's config folder with the owner the app needs, and checks that the media folders (and secret files) exist.\n");
        text.Append("set -eu\n");
        text.Append("cd \"$(dirname \"$0\")\"\n\n");
        text.Append(EnvValueFunction);
        foreach (var name in parameters.Select(ComposeExpressions.VariableName))
        {
            text.Append(name).Append("=\"$(env_value ").Append(name).Append(")\"\n");
            text.Append(": \"${").Append(name).Append(":?set ").Append(name).Append(" in .env}\"\n");
        }

        text.Append('\n');
        foreach (var (folder, owner) in config)
        {
            text.Append("mkdir -p \"").Append(folder).Append("\"");
            if (owner is not null)
            {
                text.Append(" && chown ").Append(owner).Append(" \"").Append(folder).Append('"');
            }

            text.Append('\n');
        }

        text.Append("echo \"config folders ready\"\n\n");
        foreach (var folder in media)
        {
            text.Append("[ -d \"").Append(folder).Append("\" ] || { echo \"media folder ").Append(folder)
                .Append(" does not exist: create it, or fix .env\" >&2; exit 1; }\n");
        }

        foreach (var (resource, file, reader) in secretFiles)
        {
            text.Append("[ -f \"").Append(file).Append("\" ] || { echo \"").Append(resource).Append(": secret file ").Append(file)
                .Append(" does not exist: put it there before the first up\" >&2; exit 1; }\n");
            if (reader is not null)
            {
                // The app's user reads it; its mode (e.g. 0400 from `cloudflared tunnel create`) is kept, so nobody else can.
                text.Append("chown ").Append(reader.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" \"").Append(file)
                    .Append("\"  # ").Append(resource).Append(" reads it as uid ").Append(reader.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string? Owner(ContainerResource container) =>
        container.TryGetLastAnnotation<HostFolderOwnerAnnotation>(out var owner) ? $"\"{Shell(owner.Uid)}:{Shell(owner.Gid)}\"" : null;

    /// <summary>A host path in shell syntax: parameters become <c>${NAME}</c>; literal text is escaped for double quotes.</summary>
    private static string Shell(ReferenceExpression source) => source.Render(
        v => v is ParameterResource p ? $"${{{ComposeExpressions.VariableName(p)}}}" : "",
        literal => literal.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("$", "\\$", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal));

    // Reads .env as docker-compose does for the values Servarr writes: 'single-quoted' as it is, "double-quoted" with \\ and \" unescaped.
    private const string EnvValueFunction = """
        # The value of KEY in .env (its last line; quotes removed as docker-compose removes them).
        env_value() {
          v="$(sed -n "s/^$1=//p" .env | tail -n 1)"
          case "$v" in
            \'*\') v="${v#\'}"; v="${v%\'}" ;;
            \"*\") v="${v#\"}"; v="${v%\"}"; v="$(printf '%s' "$v" | sed 's/\\\(["\\]\)/\1/g')" ;;
          esac
          printf '%s' "$v"
        }


        """;
}
