namespace Servarr.Hosting.Publishing.Compose;

/// <summary>A <c>depends_on</c> entry.</summary>
public sealed class ComposeDependency
{
    /// <summary><c>service_started</c>, <c>service_healthy</c> or <c>service_completed_successfully</c>.</summary>
    public required string Condition { get; set; }
}
