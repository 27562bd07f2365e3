namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// A health command run inside the container (compose <c>healthcheck</c>), using only what the image ships:
/// <c>curl</c> in LinuxServer images, the <c>cloudflared</c> binary in its distroless image, and so on.
/// </summary>
public sealed class ContainerHealthCheckAnnotation : IResourceAnnotation
{
    /// <summary>Records a health command in exec form (<c>["CMD", ...]</c> is added by publishers).</summary>
    public ContainerHealthCheckAnnotation(IReadOnlyList<string> command, TimeSpan interval, TimeSpan timeout, int retries,
        TimeSpan startPeriod)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Count == 0 || command.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A health command needs a program and no empty arguments.", nameof(command));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(retries, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(startPeriod, TimeSpan.Zero);
        Command = command;
        Interval = interval;
        Timeout = timeout;
        Retries = retries;
        StartPeriod = startPeriod;
    }

    /// <summary>The program and its arguments.</summary>
    public IReadOnlyList<string> Command { get; }

    /// <summary>Time between checks.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Time one check may take.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Failures in a row before the container is unhealthy.</summary>
    public int Retries { get; }

    /// <summary>Grace time after start during which failures do not count.</summary>
    public TimeSpan StartPeriod { get; }
}
