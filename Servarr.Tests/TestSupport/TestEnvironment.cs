using System.Runtime.CompilerServices;

namespace Servarr.Tests.TestSupport;

/// <summary>Process-wide settings every test relies on, applied before the first test runs.</summary>
internal static class TestEnvironment
{
    /// <summary>
    /// Hundreds of builders (Aspire's and the web hosts') are made here, each reading appsettings.json and user secrets;
    /// watching those files for changes would take one inotify instance per builder and run into the user limit (128).
    /// </summary>
#pragma warning disable CA2255 // a module initializer in a test assembly is the point
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
