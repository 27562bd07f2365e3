// Two containers from one stand-in image: a persistent one that later runs adopt, and a session one that waits for it.
// The test passes the image (Lifetime:Image) and may change Parameters:greeting to change the persistent one's spec.
using Servarr.Hosting;
using Servarr.Hosting.ApplicationModel;

var builder = DistributedApplication.CreateBuilder(args);
var image = builder.Configuration["Lifetime:Image"] ?? throw new InvalidOperationException("set Lifetime__Image to a stand-in image name:tag");
var colon = image.LastIndexOf(':');
var greeting = builder.AddParameter("greeting", defaultValue: "hello");

var keeper = builder.AddContainer("lifetime-keeper", image[..colon], image[(colon + 1)..])
    .WithHttpEndpoint(targetPort: 8989)
    .WithHttpHealthCheck("/ping")
    .WithEnvironment("GREETING", greeting)
    .WithLifetime(ContainerLifetime.Persistent);

builder.AddContainer("lifetime-session", image[..colon], image[(colon + 1)..])
    .WithHttpEndpoint(targetPort: 8989)
    .WithHttpHealthCheck("/ping")
    .WaitFor(keeper);

return await builder.Build().RunAsync();
