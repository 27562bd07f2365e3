namespace Servarr.Hosting.Orchestration;

/// <summary>One progress message of an image pull: a layer's status and, while downloading, its bytes.</summary>
/// <param name="LayerId">The layer, or null for a message about the whole image.</param>
/// <param name="Status">The engine's status text, e.g. <c>Downloading</c>, <c>Pull complete</c>.</param>
/// <param name="Current">Bytes done, when known.</param>
/// <param name="Total">Bytes in all, when known.</param>
public sealed record PullProgress(string? LayerId, string Status, long? Current = null, long? Total = null);
