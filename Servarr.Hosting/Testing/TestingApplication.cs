using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Orchestration;

namespace Servarr.Hosting.Testing;

/// <summary>
/// A stack started from a test (see <see cref="DistributedApplicationTestingBuilder"/>): wait for resources, call
/// them over HTTP on their 127.0.0.1 ports, read their state; disposing removes every container it started.
/// </summary>
public sealed class TestingApplication : IAsyncDisposable
{
    private readonly DistributedApplication _application;

    internal TestingApplication(DistributedApplication application, RunSession session)
    {
        _application = application;
        Session = session;
    }

    /// <summary>The run: state, console output, host ports.</summary>
    public RunSession Session { get; }

    /// <summary>The model that runs (the AppHost's, plus the dashboard when it is on).</summary>
    public DistributedApplicationModel Model => Session.Model;

    /// <summary>Starts the stack; resources come up in the background in dependency order.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => Session.StartAsync(cancellationToken);

    /// <summary>The current state of <paramref name="resource"/>.</summary>
    public ResourceSnapshot GetResource(string resource) => Session.State.Get(Known(resource));

    /// <summary>Waits until <paramref name="predicate"/> holds for <paramref name="resource"/>.</summary>
    public Task<ResourceSnapshot> WaitForResourceAsync(string resource, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken = default) =>
        Session.State.WaitAsync(Known(resource), predicate, cancellationToken);

    /// <summary>
    /// Waits until <paramref name="resource"/> runs and is healthy; fails at once, with the reason, when it ends or
    /// cannot start instead.
    /// </summary>
    public async Task<ResourceSnapshot> WaitForResourceHealthyAsync(string resource, CancellationToken cancellationToken = default)
    {
        var snapshot = await WaitForResourceAsync(resource, s => s.IsHealthy || s.IsTerminal, cancellationToken).ConfigureAwait(false);
        return snapshot.IsHealthy
            ? snapshot
            : throw new InvalidOperationException($"resource '{resource}' is {snapshot.State}{(snapshot.Reason is null ? "" : $": {snapshot.Reason}")}");
    }

    /// <summary>An <see cref="HttpClient"/> whose base address is <paramref name="resource"/>'s endpoint as this machine reaches it.</summary>
    public HttpClient CreateHttpClient(string resource, string? endpointName = null)
    {
        var container = Model.Containers.Single(c => c.Name == Known(resource));
        var endpoint = (endpointName is null ? container.GetEndpoints().FirstOrDefault(e => e.Scheme is "http" or "https") : container.FindEndpoint(endpointName))
                       ?? throw new ArgumentException($"resource '{resource}' has no endpoint '{endpointName ?? "http"}'.", nameof(endpointName));
        var port = Session.Context.HostPort(container, endpoint) ?? throw new InvalidOperationException($"endpoint '{resource}.{endpoint.Name}' is not reachable from this machine.");
        return new HttpClient { BaseAddress = new Uri($"{endpoint.Scheme}://127.0.0.1:{port}") };
    }

    /// <summary>Removes every container this test started (networks stay for the next test of the same app).</summary>
    public ValueTask DisposeAsync() => Session.DisposeAsync();

    private string Known(string resource) => Model.Containers.Any(c => c.Name == resource)
        ? resource
        : throw new ArgumentException($"The AppHost has no container resource '{resource}'.", nameof(resource));
}
