namespace Servarr.Hosting.ApplicationModel;

/// <summary>A resource whose start can wait for another resource (<c>WaitFor</c>, <c>WaitForCompletion</c>).</summary>
public interface IResourceWithWaitSupport : IResource;
