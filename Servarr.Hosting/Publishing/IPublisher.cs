namespace Servarr.Hosting.Publishing;

/// <summary>Turns the model into deployment files. Publishers never touch Docker.</summary>
public interface IPublisher
{
    /// <summary>The <c>--publisher</c> name, e.g. <c>manifest</c>.</summary>
    string Name { get; }

    /// <summary>Writes the files; returns the paths written.</summary>
    Task<IReadOnlyList<string>> PublishAsync(PublishContext context, CancellationToken cancellationToken);
}
