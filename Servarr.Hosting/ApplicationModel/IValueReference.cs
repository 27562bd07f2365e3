namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// A value that is known only when the stack runs or is deployed: a parameter's value or a property of an
/// endpoint. Each consumer renders it its own way (a real value, <c>{sonarr.bindings.http.url}</c>, <c>${TZ}</c>).
/// </summary>
public interface IValueReference
{
    /// <summary>The resource the value belongs to.</summary>
    IResource Owner { get; }
}
