// Starts a fake of every configured app's API, prints the configuration an AppHost needs to use them (one
// `Key=Value` line each, environment-variable form) and then `ready`, and keeps their state until stdin closes or, with
// `--until-stopped`, until the process is stopped (SIGTERM, Ctrl+C). bench/configure-run-mode.sh runs the AppHost twice against the same fakes: the first start
// configures from scratch, the second finds everything as modelled (reads only).
using Servarr.Tests.TestSupport.ArrApi;
using Servarr.Tests.TestSupport.Plex;

var stop = new CancellationTokenSource();
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });

static string Key(string app) => $"fake-{app}-api-key-0123456789abcdef";

var lines = new List<string>();
var disposables = new List<IAsyncDisposable>();
foreach (var (name, app) in new[] { ("sonarr", ArrApp.Sonarr), ("radarr", ArrApp.Radarr), ("prowlarr", ArrApp.Prowlarr) })
{
    var fake = await FakeArrApi.StartAsync(app, Key(name), stop.Token);
    disposables.Add(fake);
    lines.Add($"Parameters__{name}-api-key={Key(name)}");
    lines.Add($"Servarr__Testing__ConfigurationUrl__{name}={fake.BaseAddress}");
}

var plex = await FakePlexApi.StartAsync("fake-plex-token-0123456789", stop.Token);
disposables.Add(plex);
lines.Add($"Parameters__plex-token={plex.Token}");
lines.Add($"Servarr__Testing__ConfigurationUrl__plex={plex.BaseAddress}");
lines.Add("Parameters__qbittorrent-password=fake-qbittorrent-password-0123456789");

foreach (var line in lines)
{
    Console.WriteLine(line);
}

Console.WriteLine("ready");
var stopped = Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
await (args.Contains("--until-stopped") ? stopped : Task.WhenAny(Task.Run(() => Console.In.ReadToEnd(), CancellationToken.None), stopped));
foreach (var disposable in disposables)
{
    await disposable.DisposeAsync();
}
