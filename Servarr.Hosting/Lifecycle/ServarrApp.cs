using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using Servarr.Hosting.Lifecycle;
using Servarr.Hosting.Validation;

namespace Servarr.Hosting;

/// <summary>
/// The AppHost's first line: Aspire's builder with Servarr added, where a mistake ends the program with one
/// <c>error: ...</c> line and exit code 1 instead of a stack trace — a broken <c>appsettings.json</c> or user-secrets
/// file (read by <c>CreateBuilder</c> itself), and an argument one of Aspire's verbs refuses further down Program.cs
/// (Aspire's resource-name rules, a name used twice). Servarr's own verbs never throw on a value: they record it for
/// the model check, which reports every problem at once.
/// </summary>
public static class ServarrApp
{
    private static int s_installed;

    /// <summary>
    /// <c>DistributedApplication.CreateBuilder(args).AddServarr()</c>, with the errors above printed as one line. Under a
    /// test host (Aspire.Hosting.Testing) nothing is printed: the test sees the exception (a configuration file as a
    /// <see cref="ServarrException"/> with that line).
    /// </summary>
    /// <example>
    /// <code>
    /// var builder = ServarrApp.CreateBuilder(args);
    /// </code>
    /// </example>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static IDistributedApplicationBuilder CreateBuilder(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (Assembly.GetCallingAssembly() == Assembly.GetEntryAssembly())
        {
            ReportUnhandledAsOneLine();
        }

        IDistributedApplicationBuilder builder;
        try
        {
            builder = DistributedApplication.CreateBuilder(args);
        }
        catch (Exception exception) when (ConfigurationErrors.Describe(exception, Environment.CurrentDirectory) is { } line)
        {
            throw new ServarrException(line);
        }

        return builder.AddServarr();
    }

    /// <summary>
    /// From now on an exception that ends the program and is a known mistake is printed as <c>error: ...</c> lines, exit
    /// code 1. Called by <see cref="CreateBuilder"/> and by <c>AddServarr()</c> when the AppHost is the program itself.
    /// </summary>
    internal static void ReportUnhandledAsOneLine()
    {
        if (Interlocked.Exchange(ref s_installed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (e.ExceptionObject is Exception exception && Lines(exception, Assembly.GetEntryAssembly()) is { } lines)
            {
                foreach (var line in lines)
                {
                    Console.Error.WriteLine($"error: {line}");
                }

                Console.Error.Flush();
                Environment.Exit(1);
            }
        };
    }

    /// <summary>What an exception that ended the program prints, or null for a failure that keeps its stack trace.</summary>
    internal static IReadOnlyList<string>? Lines(Exception exception, Assembly? program)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            return Lines(aggregate.InnerExceptions[0], program);
        }

        if (exception is ServarrException or ModelValidationException)
        {
            return exception.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        if (ConfigurationErrors.Describe(exception, Environment.CurrentDirectory) is { } configuration)
        {
            return [configuration];
        }

        // An argument one of Aspire's verbs refused while Program.cs declared the model: the call's line and the message.
        if (exception is (ArgumentException and not ArgumentNullException) or DistributedApplicationException
            && ProgramLine(exception, program) is { } call)
        {
            var message = exception is ArgumentException argument ? InputChecksMessage(argument) : exception.Message;
            return [$"{call}: {message.TrimEnd('.')}; fix that call"];
        }

        return null;
    }

    private static string InputChecksMessage(ArgumentException exception) => ApplicationModel.InputChecks.Describe(exception);

    /// <summary>
    /// <c>Servarr.AppHost/Program.cs line 12</c> (relative to the current folder when inside it) when <paramref name="exception"/> was thrown by a call Program.cs made while declaring the
    /// model (not while the app ran: RunServarrAsync reports those).
    /// </summary>
    private static string? ProgramLine(Exception exception, Assembly? program)
    {
        var frames = new StackTrace(exception, fNeedFileInfo: true).GetFrames();
        if (program is null || frames.Any(f => f.GetMethod() is { } m && (m.Name.Contains("RunAsync", StringComparison.Ordinal)
            || m.Name.Contains("StartAsync", StringComparison.Ordinal) || m.DeclaringType == typeof(ServarrRunExtensions))))
        {
            return null;
        }

        var call = frames.FirstOrDefault(f => f.GetMethod()?.Module.Assembly == program);
        return call switch
        {
            null => null,
            { } f when f.GetFileName() is { } file && f.GetFileLineNumber() > 0 =>
                $"{ConfigurationErrors.Display(file, Environment.CurrentDirectory)} line {f.GetFileLineNumber()}",
            _ => "Program.cs",
        };
    }
}
