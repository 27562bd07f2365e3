namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// Runs once when the builder freezes the model, so an integration can derive what it needs from every resource the
/// AppHost declared, before or after it: Kopia mounts every config folder, monitoring labels every endpoint. Callbacks run
/// in resource order; resources they add are completed too.
/// </summary>
/// <example>
/// <code>
/// builder.WithAnnotation(new ModelCompletionAnnotation(context =>
/// {
///     foreach (var app in context.Resources.OfType&lt;ContainerResource&gt;()) { /* derive from app */ }
/// }));
/// </code>
/// </example>
public sealed class ModelCompletionAnnotation : IResourceAnnotation
{
    /// <summary>Records a callback.</summary>
    public ModelCompletionAnnotation(Action<ModelCompletionContext> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        Callback = callback;
    }

    /// <summary>The callback.</summary>
    public Action<ModelCompletionContext> Callback { get; }
}

/// <summary>What a <see cref="ModelCompletionAnnotation"/> callback sees: the builder and every declared resource.</summary>
/// <param name="Builder">The builder; use <c>CreateResourceBuilder</c> to annotate another resource.</param>
/// <param name="Resources">Every resource, in declaration order.</param>
public sealed record ModelCompletionContext(IDistributedApplicationBuilder Builder, IReadOnlyList<IResource> Resources);
