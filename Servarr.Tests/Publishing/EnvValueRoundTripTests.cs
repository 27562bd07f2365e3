using Servarr.Hosting;
using Servarr.Hosting.Publishing;
using Servarr.Hosting.Publishing.Compose;
using Servarr.Hosting.Publishing.Kubernetes;
using Servarr.Hosting.Validation;
using Servarr.Tests.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Servarr.Tests.Publishing;

/// <summary>
/// Tricky parameter values go through the compose and Kubernetes publishers and come back byte for byte from the real
/// readers (<c>docker-compose config</c>, <c>kubectl kustomize</c>); values a format cannot hold are refused with one line.
/// </summary>
public class EnvValueRoundTripTests
{
    public static TheoryData<string, string> Representable => new()
    {
        { "hash", "a # b #c" },
        { "dollar", "$HOME $ end$ $$" },
        { "quotes", "it's \"quoted\" 'single'" },
        { "backslash", @"C:\new\path\" },
        { "tab", "a\tb\t" },
        { "unicode", "üñí 日本 ✓" },
        { "spaces", "  padded  " },
        { "equals", "a=b==c" },
        { "large", string.Concat(Enumerable.Repeat("0123456789", 10_000)) },
    };

    [Theory]
    [MemberData(nameof(Representable))]
    public async Task DockerComposeReadsBackTheValueExactly(string name, string value)
    {
        using var temp = new TempDirectory();
        var context = Context(Stack(value), temp.Path);
        Assert.Empty(Problems(context, "compose"));
        await PublishRun.RunAsync(new ComposePublisher(), context);

        var config = DockerEngine.Run("docker-compose", ["config"], TimeSpan.FromSeconds(60), temp.Path);

        Assert.True(config.ExitCode == 0, $"{name}: {config}");
        Assert.DoesNotContain("WARNING", config.StandardError, StringComparison.OrdinalIgnoreCase);
        var environment = (YamlMappingNode)Yaml(config.StandardOutput)["services"]["app"]["environment"];
        Assert.Equal(value, ((YamlScalarNode)environment["VALUE"]).Value!.Replace("$$", "$", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Representable))]
    public async Task PrepareHostScriptReadsBackTheValueExactly(string name, string value)
    {
        using var temp = new TempDirectory();
        await PublishRun.RunAsync(new ComposePublisher(), Context(Stack(value), temp.Path));
        var script = await File.ReadAllTextAsync(temp.Combine("prepare-host.sh"));
        var start = script.IndexOf("env_value() {", StringComparison.Ordinal);
        var function = script[start..(script.IndexOf("\n}\n", start, StringComparison.Ordinal) + 3)];
        await File.WriteAllTextAsync(temp.Combine("read.sh"), function + "env_value VALUE\n");

        var read = DockerEngine.Run("sh", ["read.sh"], TimeSpan.FromSeconds(30), temp.Path);

        Assert.True(read.ExitCode == 0, $"{name}: {read.StandardError}");
        Assert.True(value == read.StandardOutput, name);
    }

    [KubernetesToolsFact]
    public async Task KustomizeReadsBackEveryValueExactly()
    {
        KubernetesTools.Require();
        foreach (var (name, value) in Representable.Select(r => ((string)r[0], (string)r[1])).Where(r => r.Item1 != "large")
            .Append(("near the line limit", new string('x', 65535 - EnvFileMerge.PublishedMarker.Length))))
        {
            using var temp = new TempDirectory();
            var context = Context(Stack(value), temp.Path);
            Assert.Empty(Problems(context, "kubernetes"));
            await PublishRun.RunAsync(new KubernetesPublisher(new KubernetesOptions()), context);

            var built = KubernetesTools.Kustomize(temp.Path);

            Assert.True(built.ExitCode == 0, $"{name}: {built.StandardError}");
            var settings = Documents(built.StandardOutput).Single(d => ((YamlScalarNode)d["kind"]).Value == "ConfigMap"
                && ((YamlScalarNode)d["metadata"]["name"]).Value!.StartsWith(KubernetesEnvironment.SettingsName, StringComparison.Ordinal));
            Assert.True(settings.Children.ContainsKey("data"), $"{name}: kustomize read no value");
            Assert.True(value == ((YamlScalarNode)settings["data"]["VALUE"]).Value, name);
        }
    }

    [Fact]
    public void KubernetesLiteralsKeepTheirDollarSigns()
    {
        var builder = TestAppBuilder.Create();
        builder.AddContainer("app", "docker.io/library/app", "1.0").WithEnvironment("LITERAL", "a$$b $(HOME) $x").WithArgs("echo $$ $(X)");

        var app = KubernetesPublisher.Render(Context(builder, "/tmp/out"), new KubernetesOptions()).Single(f => f.Name == "app.yaml").Content;

        Assert.Contains("value: a$$$$b $$(HOME) $$x", app); // Kubernetes reads $$ as $: a$$b $(HOME) $x
        Assert.Contains("- echo $$$$ $$(X)", app);
    }

    [Fact]
    public void ComposeEntrypointsKeepTheirDollarSigns()
    {
        var builder = TestAppBuilder.Create();
        builder.AddContainer("app", "docker.io/library/app", "1.0").WithEntrypoint("/bin/$SHELL");

        Assert.Equal(["/bin/$$SHELL"], ComposePublisher.BuildFile(Context(builder, "/tmp/out"), "/tmp/out").Services["app"].Entrypoint);
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { "compose", "line\nbreak", "parameter 'value': a line break cannot be written to .env (docker-compose reads one line per value); change the value of Parameters:value" },
        { "compose", "carriage\rreturn", "parameter 'value': a line break cannot be written to .env (docker-compose reads one line per value); change the value of Parameters:value" },
        { "compose", "${X}", "parameter 'value': '${' cannot be written to .env (docker-compose 1.29 always expands it); change the value of Parameters:value" },
        { "compose", "it's $5", "parameter 'value': a value with both '$' and a quote (') or backslash cannot be written to .env so that docker-compose 1.29 and v2 read the same; change the value of Parameters:value" },
        { "kubernetes", "line\nbreak", "parameter 'value': a line break cannot be written to a kustomize env file (one value, one line); change the value of Parameters:value" },
        { "kubernetes", "trailing\r", "parameter 'value': a line break cannot be written to a kustomize env file (one value, one line); change the value of Parameters:value" },
        { "kubernetes", new string('x', 100_000), "parameter 'value': the value is longer than kustomize reads from an env file line (65535 bytes with the key); change the value of Parameters:value" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void AValueTheFileCannotHoldIsRefused(string publisher, string value, string message) =>
        Assert.Equal([message], Problems(Context(Stack(value), "/tmp/out"), publisher));

    [Theory]
    [InlineData("compose-project-name", "COMPOSE_PROJECT_NAME")]
    [InlineData("compose-file", "COMPOSE_FILE")]
    [InlineData("docker-host", "DOCKER_HOST")]
    [InlineData("path", "PATH")]
    public void AParameterNamedLikeComposesOwnVariablesIsRefused(string parameter, string key)
    {
        var builder = TestAppBuilder.Create();
        builder.AddContainer("app", "docker.io/library/app", "1.0").WithEnvironment("VALUE", builder.AddParameter(parameter, "x", publishValueAsDefault: true));

        var context = Context(builder, "/tmp/out");

        Assert.Equal([$"parameter '{parameter}': its .env key {key} is a variable docker-compose or the shell sets itself; rename the parameter, e.g. 'servarr-{parameter}'"],
            Problems(context, "compose"));
        Assert.Empty(Problems(context, "kubernetes"));
    }

    [Fact]
    public void ARelativeMediaRootIsRefusedForPublishedFiles()
    {
        var builder = TestAppBuilder.Create(configuration: new Dictionary<string, string?> { ["Parameters:media-root"] = "media" });
        builder.AddContainer("app", "docker.io/library/app", "1.0").WithMediaMount(builder.AddHost());

        const string Message = "parameter 'media-root': 'media' is a relative path, which has no meaning on the server; set Parameters:media-root to an absolute path, e.g. /srv/media-root";
        var context = Context(builder, "/tmp/out");
        Assert.Equal([Message], Problems(context, "compose"));
        Assert.Equal([Message], Problems(context, "kubernetes"));
    }

    [Fact]
    public async Task AHostPathWithAColonIsWrittenInTheLongSyntaxAndComposeReadsIt()
    {
        using var temp = new TempDirectory();
        var builder = TestAppBuilder.Create(configuration: new Dictionary<string, string?> { ["Parameters:media-root"] = "/srv/my:media" });
        builder.AddContainer("app", "docker.io/library/app", "1.0").WithMediaMount(builder.AddHost());
        var context = Context(builder, temp.Path);
        Assert.Empty(Problems(context, "compose"));
        await PublishRun.RunAsync(new ComposePublisher(), context);

        var config = DockerEngine.Run("docker-compose", ["config"], TimeSpan.FromSeconds(60), temp.Path);

        Assert.Contains("type: bind\n      source: ${MEDIA_ROOT}\n      target: /data", await File.ReadAllTextAsync(temp.Combine("docker-compose.yaml")));
        Assert.True(config.ExitCode == 0, config.ToString());
        var volume = (YamlMappingNode)((YamlSequenceNode)Yaml(config.StandardOutput)["services"]["app"]["volumes"])[0];
        Assert.Equal("/srv/my:media", ((YamlScalarNode)volume["source"]).Value);
    }

    private static IDistributedApplicationBuilder Stack(string value)
    {
        var builder = TestAppBuilder.Create();
        builder.AddContainer("app", "docker.io/library/app", "1.0").WithEnvironment("VALUE", builder.AddParameter("value", value, publishValueAsDefault: true));
        return builder;
    }

    private static PublishContext Context(IDistributedApplicationBuilder builder, string output) =>
        new(builder.BuildModel(), builder.ExecutionContext, builder.Values(), builder.AppHostDirectory, output);

    private static List<string> Problems(PublishContext context, string publisher) =>
        ModelValidator.Validate(new ValidationContext(context.Model, context.ExecutionContext, context.Parameters, publisher, _ => true))
            .Select(p => p.ToString()).ToList();

    private static YamlMappingNode Yaml(string text) => Documents(text).Single();

    private static List<YamlMappingNode> Documents(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }
}
