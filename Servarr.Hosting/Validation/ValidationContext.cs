using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Validation;

/// <summary>What the validator checks against: the model, the operation, parameter values and the file system.</summary>
public sealed class ValidationContext
{
    /// <summary>Creates a context.</summary>
    public ValidationContext(DistributedApplicationModel model, DistributedApplicationExecutionContext executionContext,
        ParameterValues parameters, string? publisher = null, Func<string, bool>? directoryExists = null,
        Func<string, bool>? fileExists = null)
    {
        Model = model;
        ExecutionContext = executionContext;
        Parameters = parameters;
        Publisher = publisher;
        DirectoryExists = directoryExists ?? Directory.Exists;
        FileExists = fileExists ?? File.Exists;
    }

    /// <summary>The model.</summary>
    public DistributedApplicationModel Model { get; }

    /// <summary>Run or publish.</summary>
    public DistributedApplicationExecutionContext ExecutionContext { get; }

    /// <summary>Parameter values.</summary>
    public ParameterValues Parameters { get; }

    /// <summary>The publisher asked for, in publish mode.</summary>
    public string? Publisher { get; }

    /// <summary>Checks host directories (a fake in tests).</summary>
    public Func<string, bool> DirectoryExists { get; }

    /// <summary>Checks host files (a fake in tests).</summary>
    public Func<string, bool> FileExists { get; }

    internal List<ValidationProblem> Problems { get; } = [];

    internal void Report(IResource resource, string message) => Problems.Add(new(resource.Name, message));

    internal void Report(string subject, string message) => Problems.Add(new(subject, message));
}
