namespace Servarr.Hosting.Cli;

/// <summary>Process exit codes of the AppHost.</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Success = 0;
    /// <summary>The model or the input has problems; the message says which and how to fix them.</summary>
    public const int InvalidInput = 1;
    /// <summary>The command line could not be parsed.</summary>
    public const int Usage = 2;
    /// <summary>The verb is not available yet.</summary>
    public const int NotAvailable = 3;
    /// <summary>Something unexpected failed; the full error is printed.</summary>
    public const int Unexpected = 70;
    /// <summary>Cancelled with Ctrl+C.</summary>
    public const int Cancelled = 130;
}
