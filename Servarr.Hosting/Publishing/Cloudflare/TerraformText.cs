using System.Text;

namespace Servarr.Hosting.Publishing.Cloudflare;

/// <summary>
/// A small HCL writer: blocks of <c>key = value</c> lines with the <c>=</c> signs aligned the way <c>terraform fmt</c>
/// aligns consecutive one-line attributes, so the output passes <c>terraform fmt -check</c> unchanged.
/// </summary>
internal sealed class TerraformText
{
    private readonly StringBuilder _text = new();

    public TerraformText Comment(string line)
    {
        _text.Append("# ").Append(line).Append('\n');
        return this;
    }

    /// <summary>
    /// A block holding one nested block, e.g. <c>terraform { required_providers { ... } }</c>: nested blocks are written
    /// without <c>=</c> (an attribute <c>required_providers = { ... }</c> is a different thing, which terraform rejects).
    /// </summary>
    public TerraformText Nested(string header, string nestedHeader, params (string Key, string Value)[] attributes)
    {
        _text.Append(header).Append(" {\n");
        var inner = new TerraformText().Block(nestedHeader, attributes).ToString().TrimEnd('\n');
        foreach (var line in inner.Split('\n'))
        {
            _text.Append("  ").Append(line).Append('\n');
        }

        _text.Append("}\n\n");
        return this;
    }

    /// <summary>A block: <paramref name="header"/> then attributes; a value containing a newline ends an aligned run.</summary>
    public TerraformText Block(string header, params (string Key, string Value)[] attributes) => Block(header, 1, attributes);

    public override string ToString() => _text.ToString();

    private TerraformText Block(string header, int depth, (string Key, string Value)[] attributes)
    {
        _text.Append(header).Append(" {\n");
        var indent = new string(' ', depth * 2);
        var run = new List<(string Key, string Value)>();
        void Flush()
        {
            var width = run.Count == 0 ? 0 : run.Max(a => a.Key.Length);
            foreach (var (key, value) in run)
            {
                _text.Append(indent).Append(key.PadRight(width)).Append(" = ").Append(value).Append('\n');
            }

            run.Clear();
        }

        foreach (var attribute in attributes)
        {
            if (attribute.Value.Contains('\n', StringComparison.Ordinal))
            {
                Flush();
                var lines = attribute.Value.Split('\n');
                _text.Append(indent).Append(attribute.Key).Append(" = ").Append(lines[0]).Append('\n');
                foreach (var line in lines.Skip(1))
                {
                    _text.Append(indent).Append(line).Append('\n');
                }
            }
            else
            {
                run.Add(attribute);
            }
        }

        Flush();
        _text.Append(new string(' ', (depth - 1) * 2)).Append("}\n\n");
        return this;
    }
}
