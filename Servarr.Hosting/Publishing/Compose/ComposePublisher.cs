using System.Text;
using Servarr.Hosting.ApplicationModel;


namespace Servarr.Hosting.Publishing.Compose;

/// <summary>
/// Writes <c>docker-compose.yaml</c>, <c>.env</c> and <c>prepare-host.sh</c> (creates the config folders with the right
/// owner) into the output directory. The file works with
/// docker-compose 1.29 and Compose v2: <c>docker compose --env-file .env up -d</c>.
/// </summary>
public sealed class ComposePublisher : IPublisher
{
    /// <summary>The compose file name.</summary>
    public const string ComposeFileName = "docker-compose.yaml";

    /// <summary>The project name written to <c>.env</c> when none is there.</summary>
    public const string DefaultProjectName = "servarr";

    /// <inheritdoc />
    public string Name => "compose";

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> PublishAsync(PublishContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var directory = context.OutputPath;
        var composePath = Path.Combine(directory, ComposeFileName);
        var envPath = Path.Combine(directory, ".env");
        var yaml = ComposeYaml.Serialize(BuildFile(context, directory));
        var existing = File.Exists(envPath) ? await File.ReadAllTextAsync(envPath, cancellationToken).ConfigureAwait(false) : null;
        var env = EnvFile.Render(context.Model, context.Parameters, DefaultProjectName, existing, context.Changes);
        await context.Output.WriteAsync(composePath, Encoding.UTF8.GetBytes(Header + yaml), ownerOnly: false, cancellationToken).ConfigureAwait(false);
        await context.Output.WriteAsync(envPath, Encoding.UTF8.GetBytes(env), ownerOnly: true, cancellationToken).ConfigureAwait(false);
        var preparePath = Path.Combine(directory, PrepareHostScript.FileName);
        await context.Output.WriteAsync(preparePath, Encoding.UTF8.GetBytes(PrepareHostScript.Render(context.Model)), ownerOnly: false, cancellationToken)
            .ConfigureAwait(false);
        var written = new List<string> { composePath, envPath, preparePath };
        foreach (var container in context.Model.Containers)
        {
            foreach (var file in container.Annotations.OfType<GeneratedFileAnnotation>())
            {
                var path = Path.Combine(directory, ComposeServiceMapper.GeneratedFilePath(container, file));
                // A secret configured while publishing reaches the file only through a one-way function (a password hash).
                var text = GeneratedFiles.Render(file, context.Model, p => context.Parameters.Resolve(p).Value, p => context.Parameters.Resolve(p).Value);
                await context.Output.WriteAsync(path, Encoding.UTF8.GetBytes(text), ownerOnly: GeneratedFiles.DerivesFromSecret(file), cancellationToken)
                    .ConfigureAwait(false);
                written.Add(path);
            }
        }

        return written;
    }

    private const string Header = "# Written by Servarr from Servarr.AppHost/Program.cs; change the model, not this file.\n"
        + "# Deploy: docker compose --env-file .env up -d   (docker-compose 1.29: docker-compose up -d)\n";

    /// <summary>
    /// Builds the typed compose file for the model (no I/O); throws <see cref="Validation.ModelValidationException"/> when a
    /// <c>PublishAsComposeService</c> callback made a service the model's hardening refuses (see <see cref="ComposeHardening"/>).
    /// </summary>
    public static ComposeFile BuildFile(PublishContext context, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mapper = new ComposeServiceMapper(context, outputDirectory);
        var file = new ComposeFile();
        foreach (var container in context.Model.Containers)
        {
            file.Services[container.Name] = mapper.Map(container);
        }

        var networks = file.Services.Values.SelectMany(s => s.Networks ?? []).Distinct().ToList();
        file.Networks = networks.Count == 0 ? null : networks.ToDictionary(n => n, _ => new ComposeNetwork(), StringComparer.Ordinal);
        var volumes = file.Services.Values.SelectMany(s => s.Volumes ?? []).Where(v => v.Type == "volume").Select(v => v.Source).Distinct().ToList();
        file.Volumes = volumes.Count == 0 ? null : volumes.ToDictionary(v => v, _ => new ComposeVolume(), StringComparer.Ordinal);
        var refused = ComposeHardening.Check(context, file, outputDirectory);
        return refused.Count == 0 ? file : throw new Validation.ModelValidationException(refused);
    }
}
