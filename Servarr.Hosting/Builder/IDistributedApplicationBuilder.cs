using Microsoft.Extensions.Configuration;
using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting;

/// <summary>
/// Collects the stack's resources. Declaring resources does no I/O: files are read and written, and
/// Docker is called, only by <see cref="DistributedApplication.RunAsync(CancellationToken)"/>.
/// </summary>
/// <example>
/// <code>
/// var builder = DistributedApplication.CreateBuilder(args);
/// var gluetun = builder.AddGluetun("gluetun", provider, privateKey, addresses);
/// builder.AddQBittorrent("qbittorrent").WithVpn(gluetun);
/// await builder.Build().RunAsync();
/// </code>
/// </example>
public interface IDistributedApplicationBuilder
{
    /// <summary>Configuration: appsettings.json, user-secrets, environment variables and the command line.</summary>
    IConfigurationManager Configuration { get; }

    /// <summary>Run or publish.</summary>
    DistributedApplicationExecutionContext ExecutionContext { get; }

    /// <summary>The AppHost project's directory; relative bind-mount sources are rooted here.</summary>
    string AppHostDirectory { get; }

    /// <summary>The resources declared so far, in declaration order.</summary>
    IReadOnlyList<IResource> Resources { get; }

    /// <summary>Adds a resource and returns its builder.</summary>
    IResourceBuilder<T> AddResource<T>(T resource) where T : IResource;

    /// <summary>Returns a builder for a resource that is already in the model.</summary>
    IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource;

    /// <summary>Freezes the model into an application that can run or publish.</summary>
    DistributedApplication Build();
}
