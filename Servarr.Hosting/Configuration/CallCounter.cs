namespace Servarr.Hosting.Configuration;

/// <summary>
/// Counts the API calls of a configuration pass (reads: GET; writes: the rest), so a pass can say what it cost — a
/// second pass over a configured app is reads only.
/// </summary>
/// <example><code>var counter = new CallCounter(); using var http = new HttpClient(counter) { BaseAddress = url }; ... counter.ToString() // "2 reads, 0 writes"</code></example>
public sealed class CallCounter() : DelegatingHandler(new HttpClientHandler())
{
    private int _reads;
    private int _writes;

    /// <summary>GET requests sent.</summary>
    public int Reads => Volatile.Read(ref _reads);

    /// <summary>Other requests sent (POST, PUT, DELETE).</summary>
    public int Writes => Volatile.Read(ref _writes);

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Interlocked.Increment(ref request.Method == HttpMethod.Get ? ref _reads : ref _writes);
        return base.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Reads} read(s), {Writes} write(s)";
}
