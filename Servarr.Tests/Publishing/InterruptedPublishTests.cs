using Servarr.Hosting.Publishing;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Publishing;

/// <summary>
/// A publish writes all of its files or none of them: interrupted (its cancellation token fired) or failed between any
/// two files, or after the last one, a publisher leaves the output folder exactly as it was — the user's edits and files
/// included — and the publishers that completed before it in the same run keep their complete new files.
/// </summary>
public class InterruptedPublishTests
{
    private static readonly Lazy<Task<AppHostRunner.Stack>> s_stack = new(() => AppHostRunner.BuildStackAsync());

    public static TheoryData<string> Combinations() => ["compose", "kubernetes", "cloudflare", "compose,kubernetes", "compose,cloudflare",
        "kubernetes,cloudflare", "compose,kubernetes,cloudflare"];

    private static async Task<IReadOnlyList<string>> PublishAsync(string name, string directory, CancellationToken cancellationToken,
        Func<string, CancellationToken, Task>? afterEachFile = null)
    {
        var stack = await s_stack.Value;
        var context = new PublishContext(stack.Model, stack.Builder.ExecutionContext, stack.Values, stack.Builder.AppHostDirectory, directory,
            stack.Builder.Configuration);
        context.Output.AfterEachFile = afterEachFile;
        return await PublishingSteps.PublishAsync(PublisherCatalog.Find(name)!, context, cancellationToken);
    }

    // What an earlier publish of every publisher left, with the user's edits and own files, and every generated file
    // marked so a completed republish shows.
    private static async Task PrepareAsync(string directory)
    {
        foreach (var name in PublisherCatalog.Names)
        {
            await PublishAsync(name, directory, CancellationToken.None);
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            await File.AppendAllTextAsync(file, "\n# from an older publish\n");
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "terraform.tfvars"), "domain = \"example.org\"\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "terraform.tfstate"), "{}\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "NOTES.md"), "mine\n");
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task AnInterruptedOrFailedPublisherChangesNothingAndEarlierOnesStayComplete(string combination)
    {
        using var temp = new TempDirectory();
        await PrepareAsync(temp.Path);
        var names = combination.Split(',');
        var step = names.Length == 1 ? 1 : 4;
        foreach (var fails in new[] { false, true })
        {
            for (var stopAfter = 1; ; stopAfter += step)
            {
                var before = TreeSnapshot.Of(temp.Path);
                foreach (var earlier in names[..^1])
                {
                    await PublishAsync(earlier, temp.Path, CancellationToken.None);
                }

                var afterEarlier = TreeSnapshot.Of(temp.Path);
                if (names.Length > 1 && stopAfter == 1 && !fails)
                {
                    Assert.NotEqual(before, afterEarlier);
                }

                using var interrupt = new CancellationTokenSource();
                var staged = 0;
                Task Hook(string file, CancellationToken token)
                {
                    if (++staged == stopAfter)
                    {
                        if (fails)
                        {
                            throw new IOException($"disk full after {file}");
                        }

                        interrupt.Cancel(); // as Ctrl+C does: the token fires, the publisher notices at its next step
                    }

                    return Task.CompletedTask;
                }

                try
                {
                    await PublishAsync(names[^1], temp.Path, interrupt.Token, Hook);
                    Assert.True(staged < stopAfter, $"{names[^1]} completed although stopped after file {stopAfter}");
                    break; // every file of the last publisher was a stopping point
                }
                catch (Exception exception) when (exception is OperationCanceledException or IOException)
                {
                    Assert.Equal(afterEarlier, TreeSnapshot.Of(temp.Path));
                }
            }
        }
    }

    [Fact]
    public void TheInterruptLineSaysWhatHappened()
    {
        Assert.Equal("publish interrupted; nothing was changed in /srv/deploy", PublishInterrupt.Line("/srv/deploy", []));
        Assert.Equal("publish interrupted; publish-compose had completed and wrote all of its files in /srv/deploy; nothing else was changed",
            PublishInterrupt.Line("/srv/deploy", ["publish-compose"]));
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    // SIGTERM: a test host may itself run as a background job of a non-interactive shell, which starts its children
    // with SIGINT ignored (the same line and exit code 130 come from Ctrl+C in a terminal; checked by hand).
    [Fact]
    public async Task SigtermDuringARealPublishExitsWithOneLineAndChangesNothing()
    {
        using var temp = new TempDirectory();
        await PrepareAsync(temp.Path);
        var before = TreeSnapshot.Of(temp.Path);
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Servarr.AppHost.dll"), "--operation", "publish", "--step", "publish-kubernetes",
                "--output-path", temp.Path, "--Pipeline:ClearCache=true", $"--{PublishingSteps.FileDelayKey}=500" },
            WorkingDirectory = RepositoryPaths.AppHostDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment = { ["ASPIRE_INTERACTIVITY_ENABLED"] = "false", ["DOTNET_ENVIRONMENT"] = "Development" },
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var log = new System.Text.StringBuilder();
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync()) is not null && !line.Contains("parameter values saved", StringComparison.Ordinal))
        {
            log.AppendLine(line);
        }

        Assert.NotNull(line); // the steps start right after Aspire saves the parameters; each of ~20 files then takes 0.5 s
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(0, Kill(process.Id, 15));
        log.Append(await process.StandardOutput.ReadToEndAsync()).Append(await stderr);
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 143, $"exit code {process.ExitCode}: {log}");
        Assert.Equal([$"publish interrupted; nothing was changed in {temp.Path}"],
            log.ToString().Split('\n').Where(l => l.Contains("interrupted", StringComparison.Ordinal)));
        Assert.DoesNotContain("CanceledException", log.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(log.ToString().Split('\n'), l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal));
        Assert.Equal(before, TreeSnapshot.Of(temp.Path));
    }
}
