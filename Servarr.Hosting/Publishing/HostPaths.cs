namespace Servarr.Hosting.Publishing;

/// <summary>How bind-mount sources are written: absolute host paths stay absolute; relative ones are rooted at the AppHost directory and then written relative to the output file's directory.</summary>
internal static class HostPaths
{
    public static string ForOutput(string source, string appHostDirectory, string outputDirectory, bool dotPrefix)
    {
        if (Path.IsPathRooted(source) || source.StartsWith('$') || source.StartsWith('~'))
        {
            return source;
        }

        var full = Path.GetFullPath(Path.Combine(appHostDirectory, source));
        var relative = Path.GetRelativePath(outputDirectory, full).Replace('\\', '/');
        return dotPrefix && !relative.StartsWith('.') ? "./" + relative : relative;
    }

    /// <summary>The absolute path of <paramref name="source"/>, a relative one rooted at the AppHost directory.</summary>
    public static string Absolute(string source, string appHostDirectory) =>
        Path.GetFullPath(Path.IsPathRooted(source) ? source : Path.Combine(appHostDirectory, source));
}
