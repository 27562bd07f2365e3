namespace Servarr.Tests.TestSupport;

/// <summary>Every file and folder under a folder (hidden ones too), with each file's bytes and Unix mode: two equal snapshots are the same tree.</summary>
internal static class TreeSnapshot
{
    public static IReadOnlyList<string> Of(string root) => !Directory.Exists(root) ? ["<no folder>"] :
        [.. Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(path =>
        {
            var relative = Path.GetRelativePath(root, path);
            return Directory.Exists(path) ? $"{relative}/"
                : $"{relative} {(OperatingSystem.IsWindows() ? "" : File.GetUnixFileMode(path))} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)))}";
        })];
}
