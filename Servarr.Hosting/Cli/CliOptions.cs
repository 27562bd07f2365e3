using System.CommandLine;
using Servarr.Hosting.Publishing;

namespace Servarr.Hosting.Cli;

/// <summary>Options shared by the root command (Aspire's form) and <c>publish</c>.</summary>
internal static class CliOptions
{
    public static Option<string?> Publisher() => new("--publisher")
    {
        Description = $"What to write: {string.Join(" or ", PublisherCatalog.Names)} (manifest = aspire-manifest.json for aspirate; compose = docker-compose.yaml + .env); several at once: manifest,compose.",
        HelpName = "name",
    };

    public static Option<string?> OutputPath() => new("--output-path", "-o")
    {
        Description = "Where to write: a .json file or a directory for the manifest (default aspire-manifest.json), a directory for compose (default deploy/compose) and for several publishers (default deploy).",
        HelpName = "path",
    };
}
