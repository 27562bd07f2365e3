using Servarr.Hosting.ApplicationModel;
using Servarr.Hosting.Publishing.Kubernetes;
using Servarr.Tests.TestSupport;

namespace Servarr.Tests.Publishing;

/// <summary>
/// The test checker of the API server's naming rules (<see cref="KubernetesNames"/>) finds bad names, and the
/// publisher's own naming (<see cref="KubernetesNaming"/>) makes names it accepts.
/// </summary>
public class KubernetesNamesTests
{
    private const string Pod = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: Bad_Name
          labels:
            app.kubernetes.io/name: "-bad-"
        spec:
          template:
            metadata:
              annotations:
                kuma.a-very-long-application-name-container.docker.notification_names: x
                example.com/fine: y
            spec:
              containers:
              - name: app
                env:
                - name: 1BAD
                  value: x
                ports:
                - name: qbittorrent-http
                  containerPort: 8080
                - name: a--b
                  containerPort: 1
                - name: "8080"
                  containerPort: 2
              - name: other
                ports:
                - name: app
                  containerPort: 3
                - name: app
                  containerPort: 4
                volumeMounts:
                - name: missing
                  mountPath: /x
              volumes:
              - name: Config
                hostPath:
                  path: /srv
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: 1svc
        spec:
          selector:
            app: ok
          ports:
          - name: http
            port: 80
          - name: http
            port: 81
        """;

    [Fact]
    public void TheCheckerFindsEveryKindOfBadName()
    {
        var errors = string.Join('\n', KubernetesNames.Check(Pod, "bad.yaml"));

        Assert.Contains("Deployment/Bad_Name: metadata.name 'Bad_Name' must be a DNS-1123 subdomain", errors);
        Assert.Contains("metadata.labels[app.kubernetes.io/name] '-bad-' must be a label value", errors);
        Assert.Contains("annotations key 'kuma.a-very-long-application-name-container.docker.notification_names' must have a name part of 1-63 characters (has 69)", errors);
        Assert.DoesNotContain("example.com/fine", errors);
        Assert.Contains("env name '1BAD' must be an env var name", errors);
        Assert.Contains("port name 'qbittorrent-http' must be 1-15 characters", errors);
        Assert.Contains("port name 'a--b' must not contain two adjacent hyphens", errors);
        Assert.Contains("port name '8080' must contain at least one letter", errors);
        Assert.Contains("port name 'app' (container other) is used twice in the pod", errors);
        Assert.Contains("volume name 'Config' must be a DNS-1123 label", errors);
        Assert.Contains("volumeMount 'missing' names no volume of the pod", errors);
        Assert.Contains("Service/1svc: metadata.name '1svc' must be a DNS-1035 label", errors);
        Assert.Contains("Service/1svc: spec.ports name 'http' is used twice in the Service", errors);
    }

    [Theory]
    [InlineData("http", null)]
    [InlineData("qbi-torrent-udp", null)]
    [InlineData("", "must be 1-15 characters")]
    [InlineData("-http", "must be lowercase letters, digits and '-', starting and ending with a letter or digit")]
    [InlineData("HTTP", "must be lowercase letters, digits and '-', starting and ending with a letter or digit")]
    public void PortNameRule(string name, string? problem) => Assert.Equal(problem, KubernetesNames.PortName(name));

    [Theory]
    [InlineData("app.kubernetes.io/name", null)]
    [InlineData("kuma.sonarr-http.http.notification_names", null)]
    [InlineData("a/b/c", "must be a qualified name ([DNS subdomain/]name) with at most one '/'")]
    [InlineData("Example.com/x", "must have a DNS-1123 subdomain as its prefix")]
    [InlineData("x_", "must have a name part of letters, digits, '-', '_', '.', alphanumeric at both ends")]
    public void QualifiedNameRule(string key, string? problem) => Assert.Equal(problem, KubernetesNames.QualifiedName(key));

    [Fact]
    public void PortNamesOfAnAppBehindTheGatewayCutItsNameAndStayUnique()
    {
        var gateway = new ContainerResource("gluetun");
        var app = new ContainerResource("qbittorrent");
        var twin = new ContainerResource("qbittorrent-two");
        EndpointAnnotation Endpoint(string name, int port) => new(System.Net.Sockets.ProtocolType.Tcp, "http", name: name, targetPort: port);
        var listeners = new (ContainerResource, EndpointAnnotation)[]
        {
            (gateway, Endpoint("control", 8000)), (app, Endpoint("http", 8080)), (app, Endpoint("torrent-udp", 6881)),
            (twin, Endpoint("http", 8081)), (app, Endpoint("a-long-endpoint", 1)),
        };

        var names = KubernetesNaming.PortNames(gateway, listeners);

        Assert.Equal(["control", "qbittorren-http", "qbi-torrent-udp"], names.Values.Take(3));
        Assert.Matches("^qbittorren-[0-9a-f]{4}$", names[listeners[3]]);
        Assert.Matches("^qbittorren-[0-9a-f]{4}$", names[listeners[4]]);
        Assert.All(names.Values, n => Assert.Null(KubernetesNames.PortName(n)));
        Assert.Equal(names.Count, names.Values.Distinct().Count());
        Assert.Equal(names, KubernetesNaming.PortNames(gateway, listeners));
    }

    [Theory]
    [InlineData("app.kubernetes.io/name", true)]
    [InlineData("com.centurylinklabs.watchtower.enable", true)]
    [InlineData("kuma.a-very-long-application-name-container.docker.notification_names", false)]
    [InlineData("a/b/c", false)]
    public void ThePublisherKnowsQualifiedNames(string key, bool valid) => Assert.Equal(valid, KubernetesNaming.IsQualifiedName(key));
}
