namespace Servarr.Hosting.ApplicationModel;

/// <summary>A user-defined bridge network that containers join with <c>WithNetwork</c>.</summary>
/// <example>
/// <code>
/// var internalNet = builder.AddNetwork("internal");
/// builder.AddSonarr("sonarr").WithNetwork(internalNet);
/// </code>
/// </example>
public sealed class NetworkResource(string name) : Resource(name);
