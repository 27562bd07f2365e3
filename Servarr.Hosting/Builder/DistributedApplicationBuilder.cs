using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.UserSecrets;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>The builder behind <see cref="DistributedApplication.CreateBuilder(string[])"/>.</summary>
public sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    /// <summary>Assembly metadata key under which the AppHost project records its directory at build time.</summary>
    public const string AppHostDirectoryMetadataKey = "ServarrAppHostDirectory";

    private readonly List<IResource> _resources = [];

    /// <summary>Creates a builder from <paramref name="options"/>; reads configuration files but starts nothing.</summary>
    public DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        var entry = Assembly.GetEntryAssembly();
        // The project folder recorded at build time; a copied build (or a native one) on another machine falls back to
        // its own folder, where appsettings.json is copied too.
        var recorded = entry?.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == AppHostDirectoryMetadataKey)?.Value;
        AppHostDirectory = Path.GetFullPath(options.AppHostDirectory
            ?? (recorded is not null && Directory.Exists(recorded) ? recorded : null)
            ?? (entry is not null ? AppContext.BaseDirectory : Directory.GetCurrentDirectory()));
        UserSecretsId = options.UserSecretsId ?? entry?.GetCustomAttribute<UserSecretsIdAttribute>()?.UserSecretsId;
        var switches = CommandLineSwitches.Parse(options.Args);
        ExecutionContext = new DistributedApplicationExecutionContext(switches.Operation);

        var configuration = new ConfigurationManager();
        configuration.AddJsonFile(Path.Combine(AppHostDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        UserSecretsPath = options.UserSecretsPath
            ?? (options.ReadMachineConfiguration && UserSecretsId is not null ? PathHelper.GetSecretsPathFromSecretsId(UserSecretsId) : null);
        if (UserSecretsPath is not null)
        {
            configuration.AddJsonFile(UserSecretsPath, optional: true, reloadOnChange: false);
        }

        if (options.ReadMachineConfiguration)
        {
            configuration.AddEnvironmentVariables();
        }

        configuration.AddInMemoryCollection(switches.ConfigurationValues);
        configuration.AddInMemoryCollection(options.ConfigurationOverrides);
        Configuration = configuration;
    }

    /// <summary>The options this builder was created with.</summary>
    public DistributedApplicationOptions Options { get; }

    /// <summary>The AppHost's user-secrets id, where generated secrets are kept; null when it has none.</summary>
    public string? UserSecretsId { get; }

    /// <summary>The user-secrets file this AppHost reads and keeps generated or entered values in; null when it has none.</summary>
    public string? UserSecretsPath { get; }

    /// <summary>The store of <see cref="UserSecretsPath"/>, or null.</summary>
    public UserSecretsStore? UserSecrets => UserSecretsPath is null ? null : new UserSecretsStore(UserSecretsPath);

    /// <inheritdoc />
    public IConfigurationManager Configuration { get; }

    /// <inheritdoc />
    public DistributedApplicationExecutionContext ExecutionContext { get; }

    /// <inheritdoc />
    public string AppHostDirectory { get; }

    /// <inheritdoc />
    public IReadOnlyList<IResource> Resources => _resources;

    /// <inheritdoc />
    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        ArgumentNullException.ThrowIfNull(resource);
        _resources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }

    /// <inheritdoc />
    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new ResourceBuilder<T>(resource, this);
    }

    /// <inheritdoc />
    public DistributedApplication Build()
    {
        CompleteModel();
        var application = new DistributedApplication(this, new DistributedApplicationModel(_resources.ToList()));
        DistributedApplicationTestHook.Current?.OnBuilt?.Invoke(application);
        return application;
    }

    // Each completion callback runs once, even when an earlier one added resources (which are completed in turn).
    private void CompleteModel()
    {
        var done = new HashSet<ModelCompletionAnnotation>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < _resources.Count; i++)
        {
            foreach (var completion in _resources[i].Annotations.OfType<ModelCompletionAnnotation>().ToList())
            {
                if (done.Add(completion))
                {
                    completion.Callback(new ModelCompletionContext(this, _resources.ToList()));
                }
            }
        }
    }
}
