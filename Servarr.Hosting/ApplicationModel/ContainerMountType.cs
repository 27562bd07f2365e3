namespace Servarr.Hosting.ApplicationModel;

/// <summary>How a mount is backed.</summary>
public enum ContainerMountType
{
    /// <summary>A host path.</summary>
    BindMount,
    /// <summary>A named volume managed by the engine.</summary>
    Volume,
}
