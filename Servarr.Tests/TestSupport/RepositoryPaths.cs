namespace Servarr.Tests.TestSupport;

/// <summary>Paths of the checkout the tests run from, and of the team's shared folder beside it.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The team's shared folder, which sits beside the checkout (CI clones it there too).</summary>
    public static string Shared
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            Assert.True(Directory.Exists(Path.Combine(shared, "schemas")),
                $"reference schemas not found at {shared}/schemas: the team's shared/ folder must sit beside the checkout");
            return shared;
        }
    }

    public static string AppHostDirectory => Path.Combine(Root, "Servarr.AppHost");

    public static string Tests => Path.Combine(Root, "Servarr.Tests");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Servarr.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Servarr.sln not found above the test binaries.");
    }
}
