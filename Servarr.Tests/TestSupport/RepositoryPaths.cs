namespace Servarr.Tests.TestSupport;

/// <summary>Paths of the checkout the tests run from, and of the team's shared folder beside it.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

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
