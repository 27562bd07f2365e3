using System.Collections.Concurrent;
using System.Diagnostics;

namespace Servarr.Tests.TestSupport;

/// <summary>
/// An AppHost from the test's output folder run as a real process (<c>dotnet X.dll args</c>), so tests can send it
/// the signals a user's terminal and system would: SIGINT (Ctrl+C), SIGTERM, SIGKILL.
/// </summary>
internal sealed class AppHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private AppHostProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public string Output => string.Join('\n', _lines);

    public static AppHostProcess Start(string assemblyName, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, $"{assemblyName}.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var host = new AppHostProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) host._lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) host._lines.Enqueue($"stderr: {e.Data}"); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until a line of output matches; fails with the output so far otherwise.</summary>
    public async Task WaitForLineAsync(Func<string, bool> predicate, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (_lines.Any(predicate))
            {
                return;
            }

            Assert.False(_process.HasExited, $"the AppHost exited with {(_process.HasExited ? _process.ExitCode : 0)}:\n{Output}");
            await Task.Delay(200);
        }

        Assert.Fail($"no matching line within {within}:\n{Output}");
    }

    /// <summary>Sends a signal by name (INT, TERM, KILL) as the terminal or the system would.</summary>
    public void Signal(string name) =>
        Assert.Equal(0, DockerEngine.Run("kill", [$"-{name}", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10)).ExitCode);

    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
