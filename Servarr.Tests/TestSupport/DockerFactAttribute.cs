using System.Diagnostics;

namespace Servarr.Tests.TestSupport;

/// <summary>
/// A test that needs the Docker engine and docker-compose. Skipped on a developer machine without them; never
/// skipped when CI is set, so a CI machine without Docker fails instead of passing silently.
/// </summary>
public sealed class DockerFactAttribute : FactAttribute
{
    public DockerFactAttribute(bool needsStandIns = false)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            return;
        }

        if (!DockerEngine.IsAvailable)
        {
            Skip = "Docker engine or docker-compose not available (set CI=true to make this a failure; bash .ci/run installs and starts them).";
        }
        else if (needsStandIns && !File.Exists("/bin/busybox"))
        {
            Skip = "stand-in images need /bin/busybox: apt-get install busybox-static (or run bash .ci/run).";
        }
    }
}

/// <summary>A theory that needs the Docker engine and docker-compose; skipped and failed like <see cref="DockerFactAttribute"/>.</summary>
public sealed class DockerTheoryAttribute : TheoryAttribute
{
    public DockerTheoryAttribute() => Skip = new DockerFactAttribute().Skip;
}

/// <summary>Runs docker and docker-compose commands for the Docker-tier tests.</summary>
internal static class DockerEngine
{
    private static readonly Lazy<bool> s_available = new(() =>
        Run("docker", ["info", "--format", "{{.ServerVersion}}"], TimeSpan.FromSeconds(10)).ExitCode == 0
        && Run("docker-compose", ["version"], TimeSpan.FromSeconds(10)).ExitCode == 0);

    public static bool IsAvailable => s_available.Value;

    public sealed record Output(int ExitCode, string StandardOutput, string StandardError)
    {
        public override string ToString() => $"exit {ExitCode}\n{StandardOutput}\n{StandardError}";
    }

    public static void RequireAvailable() =>
        Assert.True(IsAvailable, "Docker engine or docker-compose is not available: run .ci/run (it installs and starts them) or start dockerd.");

    public static Output Run(string fileName, IEnumerable<string> args, TimeSpan timeout, string? workingDirectory = null,
        IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return new Output(-1, stdout.Result, $"timed out after {timeout}: {fileName} {string.Join(' ', args)}\n{stderr.Result}");
            }

            return new Output(process.ExitCode, stdout.Result, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return new Output(-1, "", $"{fileName}: {exception.Message}");
        }
    }
}
