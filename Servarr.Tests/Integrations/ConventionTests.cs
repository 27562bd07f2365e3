using System.Reflection;
using Servarr.Hosting;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Integrations;

/// <summary>Rules every integration follows, checked by reflection so a new one cannot forget them.</summary>
public class ConventionTests
{
    private static readonly Assembly s_hosting = typeof(ServarrBuilderExtensions).Assembly;

    private static IEnumerable<Type> ImageTagClasses => s_hosting.GetTypes().Where(t => t.Name.EndsWith("ContainerImageTags", StringComparison.Ordinal));

    [Fact]
    public void EveryIntegrationPinsItsImageInOnePlaceAndNeverToLatest()
    {
        Assert.Equal(15, ImageTagClasses.Count()); // the 15 containers (the dashboard is Aspire's own now)
        foreach (var type in ImageTagClasses)
        {
            var fields = type.GetFields(BindingFlags.Public | BindingFlags.Static).ToDictionary(f => f.Name, f => (string?)f.GetRawConstantValue());
            Assert.Equal(["Image", "Registry", "Tag"], fields.Keys.Order());
            Assert.False(string.IsNullOrWhiteSpace(fields["Tag"]), type.Name);
            Assert.NotEqual("latest", fields["Tag"], StringComparer.OrdinalIgnoreCase);
            Assert.DoesNotContain(":", fields["Image"]);
        }
    }

    [Fact]
    public void NoSourceFileMentionsTheLatestTag()
    {
        var offenders = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "Servarr.Hosting", "Integrations"), "*.cs", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("\"latest\"", StringComparison.OrdinalIgnoreCase));

        Assert.Empty(offenders);
    }

    [Fact]
    public void EveryAddMethodRejectsANullBuilder()
    {
        var adds = s_hosting.GetTypes().Where(t => t.Name.EndsWith("BuilderExtensions", StringComparison.Ordinal) && t.IsPublic)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.Name.StartsWith("Add", StringComparison.Ordinal) && !m.IsGenericMethodDefinition
                && m.GetParameters()[0].ParameterType == typeof(IDistributedApplicationBuilder))
            .ToList();
        Assert.True(adds.Count >= 16, string.Join(", ", adds.Select(a => a.Name)));

        foreach (var add in adds)
        {
            var args = add.GetParameters().Select(p => p.ParameterType == typeof(string) ? "x" : p.HasDefaultValue ? p.DefaultValue : null).ToArray();
            var thrown = Assert.Throws<TargetInvocationException>(() => add.Invoke(null, args));
            Assert.True(thrown.InnerException is ArgumentNullException, $"{add.DeclaringType!.Name}.{add.Name}: {thrown.InnerException}");
        }
    }
}
