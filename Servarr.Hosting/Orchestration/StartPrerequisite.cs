using Servarr.Hosting.ApplicationModel;

namespace Servarr.Hosting.Orchestration;

/// <summary>One edge of the start plan: <see cref="Resource"/> must reach <see cref="Condition"/> first.</summary>
/// <param name="Resource">The container waited for.</param>
/// <param name="Condition">What it must reach.</param>
/// <param name="ExitCode">The exit code expected for <see cref="StartCondition.Completed"/>.</param>
/// <param name="Soft">
/// Only a <c>WithReference</c> (no <c>WaitFor</c>, no VPN): waited for when the target will start, skipped while the target
/// waits for a parameter, so an app is not held back by a reference to one that cannot run yet.
/// </param>
public sealed record StartPrerequisite(ContainerResource Resource, StartCondition Condition, int ExitCode = 0, bool Soft = false);
