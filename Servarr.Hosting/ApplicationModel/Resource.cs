using System.Diagnostics;

namespace Servarr.Hosting.ApplicationModel;

/// <summary>Base class for resources: a name and an annotation bag. Names are checked by the model validator.</summary>
[DebuggerDisplay("{GetType().Name,nq} {Name}")]
public abstract class Resource : IResource
{
    /// <summary>Creates a resource called <paramref name="name"/>.</summary>
    protected Resource(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public ResourceAnnotationCollection Annotations { get; } = [];

    /// <inheritdoc />
    public override string ToString() => Name;
}
