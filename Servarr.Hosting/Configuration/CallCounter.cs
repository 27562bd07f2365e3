namespace Servarr.Hosting.Configuration;

/// <summary>
/// Counts the API calls of a configuration pass (reads: GET, and requests marked with <see cref="CountAsRead"/> such as
/// a sign-in; writes: the rest), so a pass can say what it cost — a second pass over a configured app is reads only.
/// Calls that are not HTTP requests (a Socket.IO event) are counted with <see cref="Count"/>.
/// </summary>
/// <example><code>var counter = new CallCounter(); using var http = new HttpClient(counter) { BaseAddress = url }; ... counter.ToString() // "2 reads, 0 writes"</code></example>
public sealed class CallCounter() : DelegatingHandler(new HttpClientHandler())
{
    private static readonly HttpRequestOptionsKey<bool> s_read = new("Servarr.Configuration.Read");
    private int _reads;
    private int _writes;

    /// <summary>Marks a request that changes no setting (a sign-in POST) as a read.</summary>
    /// <example><code>CallCounter.CountAsRead(loginRequest);</code></example>
    public static void CountAsRead(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(s_read, true);
    }

    /// <summary>Counts a call that is not an HTTP request through this handler, e.g. a Socket.IO event.</summary>
    /// <example><code>counter.Count(write: false); // needSetup</code></example>
    public void Count(bool write) => Interlocked.Increment(ref write ? ref _writes : ref _reads);

    /// <summary>GET requests sent.</summary>
    public int Reads => Volatile.Read(ref _reads);

    /// <summary>Other requests sent (POST, PUT, DELETE).</summary>
    public int Writes => Volatile.Read(ref _writes);

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var read = request.Method == HttpMethod.Get || (request.Options.TryGetValue(s_read, out var marked) && marked);
        Interlocked.Increment(ref read ? ref _reads : ref _writes);
        return base.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Reads} read(s), {Writes} write(s)";
}
