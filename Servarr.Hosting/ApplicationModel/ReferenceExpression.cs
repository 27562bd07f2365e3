using System.Runtime.CompilerServices;
using System.Text;

namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// A string made of literal text and deferred values (parameters, endpoint properties). Interpolated strings
/// passed to <c>WithEnvironment</c> become one: each publisher renders the holes its own way.
/// </summary>
/// <example>
/// <code>
/// var domain = builder.AddParameter("domain");
/// seerr.WithEnvironment("PUBLIC_URL", $"https://requests.{domain}");
/// // manifest: "https://requests.{domain.value}"   compose: "https://requests.${DOMAIN}"
/// </code>
/// </example>
public sealed class ReferenceExpression
{
    private ReferenceExpression(IReadOnlyList<object> parts) => Parts = parts;

    /// <summary>The literal strings and <see cref="IValueReference"/> holes, in order.</summary>
    public IReadOnlyList<object> Parts { get; }

    /// <summary>The values this expression depends on.</summary>
    public IEnumerable<IValueReference> References => Parts.OfType<IValueReference>();

    /// <summary>True when the expression has no holes.</summary>
    public bool IsLiteral => !References.Any();

    /// <summary>An expression of literal text only.</summary>
    public static ReferenceExpression Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new([value]);
    }

    /// <summary>An expression that is exactly one deferred value.</summary>
    public static ReferenceExpression Of(IValueReference value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new([value is EndpointReference endpoint ? endpoint.Url : value]);
    }

    /// <summary>Builds an expression from an interpolated string.</summary>
    public static ReferenceExpression Create(in ExpressionInterpolatedStringHandler handler) => handler.Build();

    /// <summary>Joins parts (strings or <see cref="IValueReference"/>) into one expression.</summary>
    public static ReferenceExpression FromParts(IEnumerable<object> parts)
    {
        var list = new List<object>();
        foreach (var part in parts)
        {
            var normalised = part is EndpointReference endpoint ? endpoint.Url : part;
            if (normalised is not (string or IValueReference))
            {
                throw new ArgumentException($"An expression part must be a string or a value reference, not {part?.GetType().Name ?? "null"}.", nameof(parts));
            }

            if (normalised is string text && list.Count > 0 && list[^1] is string previous)
            {
                list[^1] = previous + text;
            }
            else if (normalised is not "")
            {
                list.Add(normalised);
            }
        }

        return new(list);
    }

    /// <summary>Renders the expression, turning each hole into text with <paramref name="render"/>.</summary>
    public string Render(Func<IValueReference, string> render, Func<string, string>? literal = null)
    {
        var text = new StringBuilder();
        foreach (var part in Parts)
        {
            text.Append(part is IValueReference value ? render(value) : literal is null ? (string)part : literal((string)part));
        }

        return text.ToString();
    }

    /// <summary>Collects literal text and holes of an interpolated string.</summary>
    [InterpolatedStringHandler]
    public readonly ref struct ExpressionInterpolatedStringHandler
    {
        private readonly List<object> _parts;

        /// <summary>Called by the compiler.</summary>
        public ExpressionInterpolatedStringHandler(int literalLength, int formattedCount) => _parts = new(formattedCount * 2 + 1);

        /// <summary>Called by the compiler for literal text.</summary>
        public void AppendLiteral(string value) => _parts.Add(value);

        /// <summary>Called by the compiler for a hole: a parameter, an endpoint, or any other value (kept as text).</summary>
        public void AppendFormatted<T>(T value) => _parts.Add(value switch
        {
            IValueReference reference => reference,
            global::Servarr.Hosting.IResourceBuilder<ParameterResource> parameter => parameter.Resource,
            null => "",
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        });

        internal ReferenceExpression Build() => FromParts(_parts);
    }
}
