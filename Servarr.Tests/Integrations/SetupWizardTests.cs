using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Validation;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Integrations;

/// <summary>
/// Wizarr and Uptime Kuma show a setup wizard until Servarr configures them: the default stack marks both, configures
/// both, and its tunnel waits for both (the model check passes); a tunnel that does not wait is refused.
/// </summary>
public class SetupWizardTests
{
    [Fact]
    public async Task TheDefaultStacksWizarrAndUptimeKumaHaveWizardsConfigurationAndATunnelThatWaitsForThem()
    {
        var stack = await AppHostRunner.BuildStackAsync();
        var model = stack.Model;
        ContainerResource Get(string name) => model.Containers.Single(c => c.Name == name);

        Assert.Equal("/setup/", Get("wizarr").Annotations.OfType<SetupWizardAnnotation>().Single().Path);
        Assert.Equal("/setup", Get("uptime-kuma").Annotations.OfType<SetupWizardAnnotation>().Single().Path);
        Assert.Single(Get("wizarr").Annotations.OfType<AppConfigurationAnnotation>());
        Assert.Single(Get("uptime-kuma").Annotations.OfType<AppConfigurationAnnotation>());
        var waitsFor = Get("cloudflared").Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name).ToList();
        Assert.Contains("wizarr", waitsFor);
        Assert.Contains("uptime-kuma", waitsFor);
        Assert.Empty(ModelValidator.Validate(new ValidationContext(model, stack.Builder.ExecutionContext,
            new ParameterValues(stack.Builder.Configuration, stack.Builder.ExecutionContext))));
    }

    [Fact]
    public void ATunnelThatPublishesUptimeKumaWithoutWaitingForItIsRefused()
    {
        var builder = TestAppBuilder.Create();
        var host = builder.AddHost();
        var edge = builder.AddNetwork("edge");
        builder.AddCloudflared("cloudflared", builder.AddParameter("domain", "example.com", publishValueAsDefault: true))
            .WithRemoteTunnel(builder.AddParameter("token", "t", secret: true)).WithNetwork(edge);
        builder.AddUptimeKuma("uptime-kuma", host).WithPublicHostname("status").WithNetwork(edge);

        Assert.Contains(builder.Problems(), p => p.Contains("setup wizard (/setup)", StringComparison.Ordinal) && p.Contains(".WaitFor(uptime-kuma)", StringComparison.Ordinal));
    }
}
