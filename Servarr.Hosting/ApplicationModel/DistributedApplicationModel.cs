namespace Servarr.Hosting.ApplicationModel;

/// <summary>The frozen list of resources that publishers and the orchestrator read.</summary>
public sealed class DistributedApplicationModel
{
    /// <summary>Creates a model.</summary>
    public DistributedApplicationModel(IReadOnlyList<IResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        Resources = resources;
    }

    /// <summary>All resources in declaration order.</summary>
    public IReadOnlyList<IResource> Resources { get; }

    /// <summary>The containers, in declaration order.</summary>
    public IEnumerable<ContainerResource> Containers => Resources.OfType<ContainerResource>();

    /// <summary>The parameters, in declaration order.</summary>
    public IEnumerable<ParameterResource> Parameters => Resources.OfType<ParameterResource>();

    /// <summary>The networks, in declaration order.</summary>
    public IEnumerable<NetworkResource> Networks => Resources.OfType<NetworkResource>();

    /// <summary>Finds a resource by name, or null.</summary>
    public IResource? Find(string name) => Resources.FirstOrDefault(r => r.Name == name);
}
