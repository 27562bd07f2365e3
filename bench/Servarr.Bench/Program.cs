// Times the in-process publishing pipeline on large synthetic models: declare and build the model, validate it, render
// the manifest, map and serialize the compose file. No file is read or written in the timed part. Figures are
// printed, not asserted: the exit code is non-zero only when the model is invalid or the arguments are wrong.
//
//   dotnet bin/Release/net10.0/Servarr.Bench.dll [--sizes 1000,2000] [--runs 9] [--warmup 3]
//   dotnet bin/Release/net10.0/Servarr.Bench.dll --cold [--sizes 40]   one cold pass per phase, as a fresh CLI pays it
using Servarr.Bench;

var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: Servarr.Bench [--sizes 1000,2000] [--runs 9] [--warmup 3] [--cold]");
    return 2;
}

return options.Cold ? await Bench.ColdAsync(options.Sizes[0]) : Bench.Steady(options);
