namespace Servarr.Hosting.Orchestration;

/// <summary>What Servarr reads from, and writes to, Aspire's resource snapshots.</summary>
internal static class AspireSnapshot
{
    /// <summary>The snapshot property holding a container's Docker id (the dashboard's <c>KnownProperties.Container.Id</c>).</summary>
    public const string ContainerIdProperty = "container.id";

    /// <summary>The container's Docker id in <paramref name="snapshot"/>, or null.</summary>
    public static string? ContainerId(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(p => p.Name == ContainerIdProperty)?.Value?.ToString() is { Length: > 0 } id ? id : null;
}
