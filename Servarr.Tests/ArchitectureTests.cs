using System.Reflection;
using NetArchTest.Rules;
using Servarr.Hosting;

namespace Servarr.Tests;

/// <summary>
/// Servarr.Hosting's layers: the core (Servarr's annotations and queries on Aspire's model) knows no publisher, engine or
/// app; integrations build on the core; validation and publishers know no engine; Docker.DotNet is touched in one folder;
/// no generic folder names an app; no Servarr type takes the name of an Aspire one.
/// </summary>
public class ArchitectureTests
{
    private static readonly Assembly s_hosting = typeof(ServarrBuilderExtensions).Assembly;

    private const string Root = "Servarr.Hosting";
    private const string Core = Root + ".ApplicationModel";
    private const string Integrations = Root + ".Integrations";
    private const string Validation = Root + ".Validation";
    private const string Publishing = Root + ".Publishing";
    private const string Orchestration = Root + ".Orchestration";
    private const string Docker = Root + ".Orchestration.Docker";
    private const string Lifecycle = Root + ".Lifecycle";

    // The entry points of Servarr.Hosting's own namespace that compose everything (ServarrApp.CreateBuilder, AddServarr, RunServarrAsync).
    private static readonly string[] s_compositionRoot = [nameof(ServarrApp), nameof(ServarrBuilderExtensions), nameof(ServarrRunExtensions)];

    // An integration's builder methods, and the types it keeps to itself (SeerrApi, PlexToken), live in Servarr.Hosting's
    // own namespace (as Aspire integrations put theirs in Aspire.Hosting), named after its folder: SonarrBuilderExtensions
    // for Integrations/Sonarr. The folders say which apps there are (Common holds shared conventions, not an app).
    private static readonly string[] s_integrationEntryPoints = s_hosting.GetTypes()
        .Where(t => t.Namespace is { } ns && ns.StartsWith(Integrations + ".", StringComparison.Ordinal))
        .Select(t => t.Namespace![(Integrations.Length + 1)..])
        .Concat(Directory.GetDirectories(Path.Combine(TestSupport.RepositoryPaths.Root, "Servarr.Hosting", "Integrations")).Select(Path.GetFileName).OfType<string>()
            .Where(app => app != "Common"))
        .Distinct()
        .SelectMany(app => s_hosting.GetTypes().Where(t => t.Namespace == Root && t.Name.StartsWith(app, StringComparison.Ordinal)).Select(t => t.Name))
        .Distinct().ToArray();

    [Fact]
    public void EveryAppFolderCountsAsAnIntegration()
    {
        Assert.Contains("SeerrApi", s_integrationEntryPoints);
        Assert.Contains("PlexToken", s_integrationEntryPoints);
        Assert.Contains("ArrConfiguration", s_integrationEntryPoints);
        Assert.DoesNotContain("ServarrBuilderExtensions", s_integrationEntryPoints);
    }

    [Fact]
    public void TheCoreKnowsNoPublisherEngineValidationOrApp()
    {
        var core = Types.InAssembly(s_hosting).That().ResideInNamespace(Core)
            .Or().ResideInNamespaceMatching($"^{Root}$").And().DoNotHaveName([.. s_compositionRoot, .. s_integrationEntryPoints]);
        AssertKept(core.ShouldNot().HaveDependencyOnAny(Publishing, Validation, Orchestration, Lifecycle, Integrations,
            "Docker.DotNet", "k8s", "YamlDotNet").GetResult(), "the core");
    }

    [Fact]
    public void IntegrationsBuildOnTheCoreOnly()
    {
        AssertKept(Types.InAssembly(s_hosting).That().ResideInNamespace(Integrations).Or().HaveName(s_integrationEntryPoints)
            .ShouldNot().HaveDependencyOnAny(Publishing, Validation, Orchestration, Lifecycle, "Docker.DotNet", "k8s").GetResult(), "integrations");
    }

    [Fact]
    public void ValidationAndPublishersKnowNoEngine()
    {
        AssertKept(Types.InAssembly(s_hosting).That().ResideInNamespace(Validation).Or().ResideInNamespace(Publishing)
            .ShouldNot().HaveDependencyOnAny(Orchestration, Lifecycle, "Docker.DotNet").GetResult(), "validation and publishers");
    }

    [Fact]
    public void DockerDotNetIsTouchedInOneFolderOnly()
    {
        AssertKept(Types.InAssembly(s_hosting).That().DoNotResideInNamespace(Docker)
            .ShouldNot().HaveDependencyOn("Docker.DotNet").GetResult(), "outside Orchestration/Docker");
    }

    [Fact]
    public void NoGenericFolderNamesAnApp()
    {
        AssertKept(Types.InAssembly(s_hosting).That().DoNotResideInNamespace(Integrations).And().MeetCustomRule(new OutermostNameIsNot([.. s_integrationEntryPoints, .. s_compositionRoot]))
            .ShouldNot().HaveDependencyOnAny([Integrations, .. s_integrationEntryPoints.Select(t => $"{Root}.{t}")]).GetResult(), "generic folders");
    }

    [Fact]
    public void NoServarrTypeShadowsAnAspireType()
    {
        var aspire = typeof(DistributedApplication).Assembly.GetExportedTypes().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var shadows = s_hosting.GetExportedTypes().Where(t => aspire.Contains(t.Name)).Select(t => t.FullName).ToList();
        Assert.True(shadows.Count == 0, $"these take the name of an Aspire type: {string.Join(", ", shadows)}");
    }

    [Fact]
    public void TheRulesSeeAViolation()
    {
        // The checker itself: Servarr's integrations do depend on the core, so forbidding it must fail.
        var result = Types.InAssembly(s_hosting).That().ResideInNamespace(Integrations).ShouldNot().HaveDependencyOn(Core).GetResult();
        Assert.False(result.IsSuccessful);
    }

    private static void AssertKept(TestResult result, string what) =>
        Assert.True(result.IsSuccessful, $"{what} break the layering: {string.Join(", ", result.FailingTypeNames ?? [])}");

    /// <summary>A type whose outermost declaring type (itself when not nested) has none of the names.</summary>
    private sealed class OutermostNameIsNot(IReadOnlyCollection<string> names) : ICustomRule
    {
        public bool MeetsRule(Mono.Cecil.TypeDefinition type)
        {
            while (type.DeclaringType is { } outer)
            {
                type = outer;
            }

            return !names.Contains(type.Name);
        }
    }
}
