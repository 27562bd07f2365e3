namespace Servarr.Tests.TestSupport;

/// <summary>Fills a published .env the way a user would: every key left empty gets a value.</summary>
internal static class EnvFileEditor
{
    public static void FillEmptyValues(string path, Func<string, string> valueFor)
    {
        var lines = File.ReadAllLines(path).Select(line =>
        {
            var equals = line.IndexOf('=');
            return !line.StartsWith('#') && equals > 0 && equals == line.Length - 1 ? line + valueFor(line[..equals]) : line;
        });
        File.WriteAllLines(path, lines);
    }
}
