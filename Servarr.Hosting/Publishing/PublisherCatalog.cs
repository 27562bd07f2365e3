using Servarr.Hosting.Publishing.Compose;

namespace Servarr.Hosting.Publishing;

/// <summary>The publishers <c>--publisher</c> accepts.</summary>
public static class PublisherCatalog
{
    private static readonly Dictionary<string, Func<IPublisher>> s_publishers = new(StringComparer.Ordinal)
    {
        ["compose"] = () => new ComposePublisher(),
        ["kubernetes"] = () => new Kubernetes.KubernetesPublisher(),
        ["cloudflare"] = () => new Cloudflare.CloudflarePublisher(),
    };

    /// <summary>The names, in the order help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. s_publishers.Keys];

    /// <summary>The names in a <c>--publisher</c> value: one name, or several separated by commas.</summary>
    public static IReadOnlyList<string> SplitNames(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The publisher called <paramref name="name"/>, or null.</summary>
    public static IPublisher? Find(string name) => s_publishers.TryGetValue(name, out var create) ? create() : null;
}
