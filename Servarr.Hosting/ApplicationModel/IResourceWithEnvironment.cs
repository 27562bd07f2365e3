namespace Servarr.Hosting.ApplicationModel;

/// <summary>A resource that receives environment variables (<c>WithEnvironment</c>, <c>WithReference</c>).</summary>
public interface IResourceWithEnvironment : IResource;
