namespace Servarr.Tests.TestSupport;

/// <summary>
/// Compares output with a reviewed file in the repository. Set SERVARR_UPDATE_GOLDEN=1 to rewrite the files, then
/// review the diff before committing.
/// </summary>
internal static class Golden
{
    public static void AssertMatches(string actual, string relativePath)
    {
        var path = Path.Combine(RepositoryPaths.Root, relativePath);
        if (Environment.GetEnvironmentVariable("SERVARR_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {relativePath} is missing; run the tests with SERVARR_UPDATE_GOLDEN=1 and review it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual.ReplaceLineEndings("\n"))
        {
            var expectedLines = expected.Split('\n');
            var actualLines = actual.ReplaceLineEndings("\n").Split('\n');
            var line = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i]);
            Assert.Fail($"{relativePath} is stale at line {line + 1}:\n  expected: {expectedLines.ElementAtOrDefault(line)}\n  actual:   {actualLines.ElementAtOrDefault(line)}\nRun the tests with SERVARR_UPDATE_GOLDEN=1 (or re-publish) and review the diff.");
        }
    }
}
