// Starts a fake of every configured app's API — the same run fakes the run-mode test uses — prints the configuration an
// AppHost needs to use them (one `Key=Value` line each, environment-variable form) and then `ready`, and keeps their
// state until stdin closes or, with `--until-stopped`, until the process is stopped (SIGTERM, Ctrl+C).
// bench/configure-run-mode.sh runs the AppHost twice against the same fakes: the first start configures from scratch,
// the second finds everything as modelled (reads only). Radarr's configuration goes to a fake here too (the run-mode
// test sends it to its stand-in's own API, which a new container forgets).
using Servarr.Tests.TestSupport;
using Servarr.Tests.TestSupport.ArrApi;
using Servarr.Tests.TestSupport.Plex;
using Servarr.Tests.TestSupport.SeerrApi;

using var stop = new CancellationTokenSource();
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });

await using var arr = await ArrFakes.StartAsync(stop.Token);
await using var radarr = await FakeArrApi.StartAsync(ArrApp.Radarr, ArrFakes.Key("radarr"), stop.Token);
await using var plex = await FakePlexApi.StartAsync(SeerrRunFake.PlexToken, stop.Token);
await using var seerr = await SeerrRunFake.StartAsync(stop.Token);
await using var aroundPlex = await AroundPlexRunFakes.StartAsync(stop.Token);
await using var wizards = await SetupWizardFakes.StartAsync(stop.Token);

var configuration = arr.Configuration.Concat(seerr.Configuration).Concat(aroundPlex.Configuration).Concat(wizards.Configuration).ToList();
configuration.Add(new("Parameters:plex-token", SeerrRunFake.PlexToken)); // Plex counts as claimed: nothing waits
configuration.Add(new("Servarr:Testing:ConfigurationUrl:plex", plex.BaseAddress.ToString()));
configuration.Add(new("Servarr:Testing:ConfigurationUrl:radarr", radarr.BaseAddress.ToString()));
foreach (var (key, value) in configuration)
{
    Console.WriteLine($"{key.Replace(":", "__", StringComparison.Ordinal)}={value}");
}

Console.WriteLine("ready");
var stopped = Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
await (args.Contains("--until-stopped") ? stopped : Task.WhenAny(Task.Run(() => Console.In.ReadToEnd(), CancellationToken.None), stopped));
