// The benchmarks' FakeAppsHost runs the run-mode fakes of TestSupport as one process.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("FakeAppsHost")]
