namespace Servarr.Hosting;

/// <summary>A known, user-facing failure: printed as its one-line message, without a stack trace.</summary>
public sealed class ServarrException(string message) : Exception(message);
