using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Servarr.Hosting.Publishing;

/// <summary>
/// Ctrl+C (SIGINT) or SIGTERM during a publish: Aspire's host stops the pipeline through each step's cancellation token,
/// the publishing steps swap nothing in (see <see cref="IO.StagedOutput"/>), and this prints one line when the host has
/// stopped — <c>publish interrupted; nothing was changed in &lt;dir&gt;</c>, or which steps had completed — and sets
/// the exit code to 130 (SIGINT) or 143 (SIGTERM). The traces Aspire logs for the cancelled pipeline are not shown.
/// A step that fails on a known mistake (a bad <c>--output-path</c>, a <c>Kubernetes:*</c> value, a model problem) is
/// reported the same way: its <c>error: ...</c> lines once the host has stopped, exit code 1, no trace.
/// </summary>
internal sealed class PublishInterrupt : IHostedService
{
    private IServiceProvider? _services;
    private Func<IServiceProvider, string> _outputDirectory = _ => "the output folder";
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly List<string> _completed = [];
    private int _signal;
    private string? _failure;
    private bool _printsFailures;

    /// <summary>Whether SIGINT or SIGTERM arrived.</summary>
    public bool Happened => Volatile.Read(ref _signal) != 0;

    /// <summary>Whether a step failed on a known mistake (<see cref="Failed"/>).</summary>
    public bool HasFailed => Volatile.Read(ref _failure) is not null;

    /// <summary>The exit code for the signal that arrived (0 when none).</summary>
    public int ExitCode => Volatile.Read(ref _signal) switch { 0 => 0, var s => 128 + s };

    /// <summary>Adds the watcher in publish mode and hides the error logs of a pipeline it interrupted.</summary>
    public static void Register(IDistributedApplicationBuilder builder, Func<IServiceProvider, string> outputDirectory)
    {
        if (!builder.ExecutionContext.IsPublishMode)
        {
            return;
        }

        var watcher = new PublishInterrupt { _outputDirectory = outputDirectory };
        builder.Services.AddSingleton(watcher);
        builder.Services.AddHostedService(services =>
        {
            watcher._services = services;
            return watcher;
        });
        // Under a test host (Aspire.Hosting.Testing) the host's log is what the test reads: keep a known failure in it.
        var ownProgram = string.Equals(System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name, builder.Environment.ApplicationName, StringComparison.Ordinal);
        watcher._printsFailures = ownProgram;
        builder.Services.AddLogging(logging =>
        {
            foreach (var category in new[] { "Aspire.Hosting", "Microsoft.Extensions.Hosting" })
            {
                logging.AddFilter(category, level => level >= LogLevel.Information
                    && !(level >= LogLevel.Error && (watcher.Happened || (watcher.HasFailed && watcher._printsFailures))));
            }
        });
    }

    /// <summary>Records the message of a known mistake a step failed on (the first one), printed when the host has stopped.</summary>
    public void Failed(string message) => Interlocked.CompareExchange(ref _failure, message, null);

    /// <summary>Records a publishing step that swapped its files in.</summary>
    public void Completed(string step)
    {
        lock (_completed)
        {
            _completed.Add(step);
        }
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsWindows())
        {
            // Not cancelling the signal: Aspire's console lifetime does, and stops the host (which cancels the steps).
            _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => Interlocked.CompareExchange(ref _signal, 2, 0)));
            _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Interlocked.CompareExchange(ref _signal, 15, 0)));
        }

        _services?.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(Report);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Report()
    {
        _registrations.ForEach(r => r.Dispose());
        if (!Happened)
        {
            if (Volatile.Read(ref _failure) is { } failure && _printsFailures)
            {
                Environment.ExitCode = 1;
                foreach (var line in failure.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    Console.Error.WriteLine($"error: {line}");
                }
            }

            return;
        }

        Environment.ExitCode = ExitCode;
        string[] completed;
        lock (_completed)
        {
            completed = [.. _completed];
        }

        Console.Error.WriteLine(Line(_services is null ? "the output folder" : _outputDirectory(_services), completed));
    }

    /// <summary>The line printed after an interrupt.</summary>
    /// <example><code>PublishInterrupt.Line("/srv/deploy", []) // "publish interrupted; nothing was changed in /srv/deploy"</code></example>
    public static string Line(string directory, IReadOnlyList<string> completed) => completed.Count == 0
        ? $"publish interrupted; nothing was changed in {directory}"
        : $"publish interrupted; {string.Join(" and ", completed)} had completed and wrote all of its files in {directory}; nothing else was changed";
}
