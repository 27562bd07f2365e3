using Microsoft.Extensions.Configuration;
using Servarr.Hosting;
using Servarr.Hosting.Publishing.Kubernetes;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Publishing;

/// <summary>
/// Every key of section <c>Kubernetes</c> is checked before anything is written: a value the API server would refuse,
/// or one that would rewrite a Traefik rule or a kustomization field, is one line naming the key and the fix.
/// </summary>
public class KubernetesOptionsTests
{
    private static KubernetesOptions From(params (string Key, string Value)[] values) => KubernetesOptions.From(new ConfigurationBuilder()
        .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>($"Kubernetes:{v.Key}", v.Value))).Build());

    private const string NamespaceFix = "use a namespace name: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit (e.g. servarr)";
    private const string HostFix = "(lowercase letters, digits, '-' and dots)";

    [Theory]
    [InlineData("Namespace", "my media", $"Kubernetes:Namespace is 'my media'; {NamespaceFix}")]
    [InlineData("Namespace", "servarr\nnamePrefix: evil-", $"Kubernetes:Namespace is 'servarr\\nnamePrefix: evil-'; {NamespaceFix}")]
    [InlineData("Namespace", "Media", $"Kubernetes:Namespace is 'Media'; {NamespaceFix}")]
    [InlineData("Namespace", "-media", $"Kubernetes:Namespace is '-media'; {NamespaceFix}")]
    [InlineData("Namespace", "a.b", $"Kubernetes:Namespace is 'a.b'; {NamespaceFix}")]
    [InlineData("VolumeSize", "ten", "Kubernetes:VolumeSize is 'ten'; use a Kubernetes quantity such as 10Gi (a number and one of Ki, Mi, Gi, Ti, Pi, Ei, k, M, G, T, P, E)")]
    [InlineData("VolumeSize", "10 Gi", "Kubernetes:VolumeSize is '10 Gi'; use a Kubernetes quantity such as 10Gi (a number and one of Ki, Mi, Gi, Ti, Pi, Ei, k, M, G, T, P, E)")]
    [InlineData("VolumeSize", "-10Gi", "Kubernetes:VolumeSize is '-10Gi'; use a Kubernetes quantity such as 10Gi (a number and one of Ki, Mi, Gi, Ti, Pi, Ei, k, M, G, T, P, E)")]
    [InlineData("VolumeSize", "0", "Kubernetes:VolumeSize is '0'; use a Kubernetes quantity such as 10Gi (a number and one of Ki, Mi, Gi, Ti, Pi, Ei, k, M, G, T, P, E)")]
    [InlineData("MediaSize", "1TB", "Kubernetes:MediaSize is '1TB'; use a Kubernetes quantity such as 1Ti (a number and one of Ki, Mi, Gi, Ti, Pi, Ei, k, M, G, T, P, E)")]
    [InlineData("StorageClass", "Local Path", "Kubernetes:StorageClass is 'Local Path'; use the name of one of your cluster's storage classes (kubectl get storageclass), e.g. local-path, or leave it unset for the default")]
    [InlineData("Domain", "home`) || Host(`evil.com", $"Kubernetes:Domain is 'home`) || Host(`evil.com'; use a DNS name such as home or example.com {HostFix}")]
    [InlineData("Domain", "example.com\n", $"Kubernetes:Domain is 'example.com\\n'; use a DNS name such as home or example.com {HostFix}")]
    [InlineData("Domain", "Example.com", $"Kubernetes:Domain is 'Example.com'; use a DNS name such as home or example.com {HostFix}")]
    [InlineData("Domain", "example..com", $"Kubernetes:Domain is 'example..com'; use a DNS name such as home or example.com {HostFix}")]
    [InlineData("PlexHost", "plex home", $"Kubernetes:PlexHost is 'plex home'; use a DNS name such as plex.home {HostFix}")]
    [InlineData("PlexAdvertiseUrls", "192.168.1.20:32400", "Kubernetes:PlexAdvertiseUrls is '192.168.1.20:32400'; use http(s) URLs separated by commas, e.g. https://192.168.1.20:32400,https://plex.example.com:443")]
    [InlineData("PlexAdvertiseUrls", "https://a:1, https://b:2", "Kubernetes:PlexAdvertiseUrls is 'https://a:1, https://b:2'; use http(s) URLs separated by commas, e.g. https://192.168.1.20:32400,https://plex.example.com:443")]
    [InlineData("PlexSni", "plex", "Kubernetes:PlexSni is 'plex'; use * or plex.direct")]
    [InlineData("Storage", "nfs", "Kubernetes:Storage is 'nfs'; use hostPath or pvc")]
    [InlineData("PodCidr", "10.42.0.0", "Kubernetes:PodCidr is '10.42.0.0'; use a CIDR such as 10.42.0.0/16 (your cluster's --cluster-cidr)")]
    [InlineData("TraefikNamespace", "ingress nginx", "Kubernetes:TraefikNamespace is 'ingress nginx'; use the namespace Traefik runs in (kubectl get pods -A -l app.kubernetes.io/name=traefik), e.g. traefik")]
    [InlineData("EntryPoints", "web, websecure`", "Kubernetes:EntryPoints is 'web,websecure`'; use Traefik entry point names separated by commas, e.g. websecure or web,websecure (not 'plex', Plex's TLS passthrough)")]
    [InlineData("EntryPoints", "plex", "Kubernetes:EntryPoints is 'plex'; use Traefik entry point names separated by commas, e.g. websecure or web,websecure (not 'plex', Plex's TLS passthrough)")]
    [InlineData("EntryPoints", "websecure,websecure", "Kubernetes:EntryPoints is 'websecure,websecure'; use Traefik entry point names separated by commas, e.g. websecure or web,websecure (not 'plex', Plex's TLS passthrough)")]
    [InlineData("Namspace", "media", "Kubernetes:Namspace is not a setting Servarr reads; use one of Namespace, TraefikNamespace, Storage, VolumeSize, MediaSize, StorageClass, Domain, EntryPoints, PlexHost, PlexAdvertiseUrls, PlexSni, PodCidr, ServiceCidr")]
    public void AValueTheClusterWouldRefuseOrMisreadIsOneLineNamingTheKey(string key, string value, string message)
    {
        var refused = Assert.Throws<ServarrException>(() => From((key, value)));

        Assert.Equal(message, refused.Message);
    }

    [Fact]
    public void EveryBadValueIsReportedNotOnlyTheFirst()
    {
        var refused = Assert.Throws<ServarrException>(() => From(("Namespace", "a b"), ("VolumeSize", "ten"), ("Domain", "x`y")));

        Assert.Equal(
            [
                $"Kubernetes:Namespace is 'a b'; {NamespaceFix}",
                "Kubernetes:VolumeSize is 'ten'; use a Kubernetes quantity such as 10Gi (a number and one of Ki, Mi, Gi, Ti, Pi, Ei, k, M, G, T, P, E)",
                $"Kubernetes:Domain is 'x`y'; use a DNS name such as home or example.com {HostFix}",
            ],
            refused.Message.Split('\n'));
    }

    [Theory]
    [InlineData("Namespace", "media-2")]
    [InlineData("VolumeSize", "500Mi")]
    [InlineData("VolumeSize", "1.5Ti")]
    [InlineData("VolumeSize", "20G")]
    [InlineData("VolumeSize", "1e9")]
    [InlineData("MediaSize", "4Ti")]
    [InlineData("StorageClass", "local-path")]
    [InlineData("Domain", "home.example.com")]
    [InlineData("PlexHost", "plex.home")]
    [InlineData("PlexAdvertiseUrls", "https://192.168.1.20:32400,http://plex.example.com:80")]
    [InlineData("namespace", "media")]
    public void ValidValuesAreAccepted(string key, string value) => Assert.NotNull(From((key, value)));

    [Fact]
    public async Task ABadSizeStopsThePublishBeforeAnythingIsWritten()
    {
        using var temp = new TempDirectory();

        var result = await AppHostRunner.PublishAsync("publish-kubernetes", temp.Combine("k8s"), new Dictionary<string, string?> { ["Kubernetes:VolumeSize"] = "ten" });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Kubernetes:VolumeSize is 'ten'; use a Kubernetes quantity such as 10Gi", result.Log);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Theory]
    [InlineData("publish-compose", "--output-path is empty; give the folder to write the compose files into, e.g. --output-path deploy/compose")]
    [InlineData("publish-kubernetes", "--output-path is empty; give the folder to write the kubernetes files into, e.g. --output-path deploy/k8s")]
    public async Task AnEmptyOutputPathIsRefusedInOneLine(string step, string message)
    {
        var result = await AppHostRunner.RunAsync(["--operation", "publish", "--step", step], new Dictionary<string, string?> { ["Pipeline:OutputPath"] = "" });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Log);
    }

    [Fact]
    public async Task AnOutputPathThatIsAFileIsRefusedAndLeftAlone()
    {
        using var temp = new TempDirectory();
        var file = temp.Combine("notes.txt");
        await File.WriteAllTextAsync(file, "mine");

        var result = await AppHostRunner.PublishAsync("publish-cloudflare", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"--output-path '{file}' is a file; give a folder to write the cloudflare files into, e.g. --output-path deploy/cloudflare", result.Log);
        Assert.Equal("mine", await File.ReadAllTextAsync(file));
    }
}
