using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;

namespace Servarr.Tests.TestSupport;

/// <summary>
/// The real AppHost (Servarr.AppHost/Program.cs) through Aspire.Hosting.Testing: its model in publish mode, or one of
/// its publishing steps run for real.
/// </summary>
internal static class AppHostRunner
{
    /// <summary>What a publishing run did: its exit code (Aspire reports a failed step only through it) and its log.</summary>
    public sealed record Result(int ExitCode, string Log);

    // Aspire.Hosting.Testing finds the AppHost's builder through a process-wide diagnostic listener: two AppHosts
    // starting at once can take each other's builder (and configuration), so one is started at a time.
    private static readonly SemaphoreSlim s_oneAtATime = new(1, 1);

    /// <summary>
    /// The AppHost's builder with <paramref name="configuration"/> given as command-line configuration, so Program.cs
    /// sees it while it declares the model (choices such as tunnel-mode are read then), as `dotnet run -- --Key=value`.
    /// </summary>
    public static async Task<IDistributedApplicationTestingBuilder> CreateAsync(string[] args, IDictionary<string, string?>? configuration = null)
    {
        // --clear-cache (Pipeline:ClearCache): Aspire's publishing pipeline would otherwise keep every parameter value in a deployment state file
        // (~/.aspire/deployments/...) and read it back on the next run, so one test's configuration reached the next.
        string[] all = [.. args, "--Pipeline:ClearCache=true", .. (configuration ?? new Dictionary<string, string?>()).Where(c => c.Value is not null).Select(c => $"--{c.Key}={c.Value}")];
        return await DistributedApplicationTestingBuilder.CreateAsync<Projects.Servarr_AppHost>(all, (options, _) => options.DisableDashboard = true);
    }

    /// <summary>The default stack's model in publish mode, completed as before anything is published.</summary>
    public static async Task<DistributedApplicationModel> BuildDefaultStackAsync(IDictionary<string, string?>? configuration = null) =>
        (await BuildStackAsync(DistributedApplicationOperation.Publish, configuration)).Model;

    /// <summary>The default stack's builder and completed model in <paramref name="operation"/> mode (nothing is started).</summary>
    public static async Task<Stack> BuildStackAsync(DistributedApplicationOperation operation = DistributedApplicationOperation.Publish,
        IDictionary<string, string?>? configuration = null)
    {
        string[] args = operation == DistributedApplicationOperation.Publish ? ["--operation", "publish", "--step", "publish-manifest"] : [];
        await s_oneAtATime.WaitAsync();
        try
        {
            var builder = await CreateAsync(args, configuration);
            // Program.cs goes on to Run() the app it built, which raises BeforeStartEvent on its own thread: Servarr
            // completes the model there (and prepares the host in run mode). Wait for that rather than completing the
            // model here at the same time.
            var completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            builder.Services.AddSingleton<IDistributedApplicationEventingSubscriber>(new BeforeStartWatcher(completed));
            var app = await builder.BuildAsync();
            var model = app.Services.GetRequiredService<DistributedApplicationModel>();
            if (await Task.WhenAny(completed.Task, Task.Delay(TimeSpan.FromSeconds(30))) != completed.Task)
            {
                var problems = Servarr.Hosting.Validation.ModelValidator.Validate(new Servarr.Hosting.Validation.ValidationContext(model,
                    builder.ExecutionContext, new Servarr.Hosting.ParameterValues(builder.Configuration, builder.ExecutionContext)));
                throw new TimeoutException($"Program.cs did not get through BeforeStartEvent in 30 s; Servarr's model check says:\n{string.Join('\n', problems)}");
            }
            // Program.cs's own Run() goes on to start the app in run mode (Aspire's orchestrator, containers): the
            // model is all a test reads, so the app is stopped and its containers removed before returning.
            await app.DisposeAsync();
            return new Stack(builder, model);
        }
        finally
        {
            s_oneAtATime.Release();
        }
    }

    /// <summary>Subscribed after Servarr's own subscribers, so it hears BeforeStartEvent once they have completed the model.</summary>
    private sealed class BeforeStartWatcher(TaskCompletionSource completed) : IDistributedApplicationEventingSubscriber
    {
        public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext,
            CancellationToken cancellationToken)
        {
            eventing.Subscribe<BeforeStartEvent>((_, _) =>
            {
                completed.TrySetResult();
                return Task.CompletedTask;
            });
            return Task.CompletedTask;
        }
    }

    /// <summary>The default stack as built: the builder (configuration, execution context, AppHost folder) and its model.</summary>
    public sealed record Stack(IDistributedApplicationBuilder Builder, DistributedApplicationModel Model)
    {
        /// <summary>Parameter values as the builder's configuration gives them.</summary>
        public Servarr.Hosting.ParameterValues Values => new(Builder.Configuration, Builder.ExecutionContext);

        /// <summary>The container called <paramref name="name"/>.</summary>
        public ContainerResource Container(string name) => Model.Resources.OfType<ContainerResource>().Single(c => c.Name == name);
    }

    /// <summary>The default stack built for run mode (not started): the caller starts, waits for and disposes it.</summary>
    public static async Task<DistributedApplication> BuildForRunAsync(IDictionary<string, string?> configuration, CancellationToken cancellationToken)
    {
        await s_oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var builder = await CreateAsync([], configuration);
            return await builder.BuildAsync(cancellationToken);
        }
        finally
        {
            s_oneAtATime.Release();
        }
    }

    /// <summary>Runs one publishing step (<c>publish-compose</c>, <c>publish-kubernetes</c>, ...) into <paramref name="outputPath"/>.</summary>
    public static Task<Result> PublishAsync(string step, string outputPath, IDictionary<string, string?>? configuration = null) =>
        RunAsync(["--operation", "publish", "--step", step, "--output-path", outputPath], configuration);

    /// <summary>
    /// Runs the AppHost with <paramref name="args"/> to completion (a publishing run), never asking for a value and never
    /// reading what an earlier publish left in Aspire's deployment state.
    /// </summary>
    public static async Task<Result> RunAsync(string[] args, IDictionary<string, string?>? configuration = null)
    {
        var log = new CapturedLog();
        await s_oneAtATime.WaitAsync();
        Environment.ExitCode = 0;
        try
        {
            var builder = await CreateAsync(args, configuration);
            builder.Services.AddLogging(logging => logging.AddProvider(log));
            await using var app = await builder.BuildAsync();
            await app.RunAsync();
            // In-process, a failed step stops the host through a failed BackgroundService ("Pipeline execution failed")
            // without setting the exit code the AppHost process would end with.
            return new Result(Environment.ExitCode != 0 || log.PipelineFailed ? 1 : 0, log.ToString());
        }
        catch (Exception exception)
        {
            return new Result(1, log + exception.ToString());
        }
        finally
        {
            Environment.ExitCode = 0;
            s_oneAtATime.Release();
        }
    }

    private sealed class CapturedLog : ILoggerProvider
    {
        private readonly System.Text.StringBuilder _text = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        /// <summary>Whether Aspire logged a failed pipeline step or a host stopped by one.</summary>
        public bool PipelineFailed { get; private set; }

        public void Dispose()
        {
        }

        public override string ToString()
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }

        private sealed class Logger(CapturedLog owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner._text)
                {
                    if (logLevel >= LogLevel.Error && (category.EndsWith("PipelineExecutor", StringComparison.Ordinal)
                        || category == "Microsoft.Extensions.Hosting.Internal.Host"))
                    {
                        owner.PipelineFailed = true;
                    }

                    owner._text.Append(logLevel).Append(' ').Append(category).Append(": ").AppendLine(formatter(state, exception));
                    if (exception is not null)
                    {
                        owner._text.AppendLine(exception.Message);
                    }
                }
            }
        }
    }
}
