namespace Servarr.Hosting.Orchestration;

/// <summary>
/// An <see cref="IProgress{T}"/> that handles each report on the reporting thread, in order and before the operation
/// returns (<see cref="Progress{T}"/> posts to the pool, so late reports could overwrite newer state).
/// </summary>
internal sealed class InlineProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
