using Servarr.Hosting.Publishing;

namespace Servarr.Tests.TestSupport;

/// <summary>Runs a publisher the way the publishing step does: its files are staged, then swapped into the output folder.</summary>
internal static class PublishRun
{
    public static async Task RunAsync(IPublisher publisher, PublishContext context, CancellationToken cancellationToken = default)
    {
        await publisher.PublishAsync(context, cancellationToken);
        context.Output.Commit();
    }
}
