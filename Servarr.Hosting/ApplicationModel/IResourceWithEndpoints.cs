namespace Servarr.Hosting.ApplicationModel;

/// <summary>A resource that can listen on endpoints (<c>WithHttpEndpoint</c>, <c>WithEndpoint</c>).</summary>
public interface IResourceWithEndpoints : IResource;
