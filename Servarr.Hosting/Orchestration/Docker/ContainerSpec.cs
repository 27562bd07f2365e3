using Docker.DotNet.Models;

namespace Servarr.Hosting.Orchestration.Docker;

/// <summary>Everything needed to create one container: the create parameters, the networks to join after creation, and the spec hash.</summary>
/// <param name="Parameters">The create parameters (labels include the spec hash).</param>
/// <param name="ExtraNetworks">Model networks joined after creation (the engine takes one network at create time).</param>
/// <param name="SpecHash">Hash of what the container is made from; unchanged means nothing to recreate.</param>
public sealed record ContainerSpec(CreateContainerParameters Parameters, IReadOnlyList<string> ExtraNetworks, string SpecHash);
