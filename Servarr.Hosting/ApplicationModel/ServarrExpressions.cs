using System.Globalization;
using System.Text;

namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// Reads Aspire's <see cref="ReferenceExpression"/> the way Servarr's publishers need it: as a list of literal text and
/// value providers (a <see cref="ParameterResource"/>, an <see cref="EndpointReferenceExpression"/>, ...), each rendered
/// in the target format — <c>${SONARR_API_KEY}</c> in compose, a Secret key in Kubernetes.
/// </summary>
/// <example>
/// <code>
/// var url = ReferenceExpression.Create($"http://{host}:{port}");      // host: a parameter
/// var text = url.Render(p =&gt; p is ParameterResource r ? $"${{{r.Name}}}" : "?");
/// </code>
/// </example>
public static class ServarrExpressions
{
    /// <summary>A literal expression holding <paramref name="value"/> as it is (braces included).</summary>
    public static ReferenceExpression Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new ReferenceExpressionBuilder();
        builder.AppendLiteral(value.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
        return builder.Build();
    }

    /// <summary>An expression of one value provider (an endpoint becomes its URL).</summary>
    public static ReferenceExpression Of(object valueProvider)
    {
        ArgumentNullException.ThrowIfNull(valueProvider);
        return FromParts([valueProvider]);
    }

    /// <summary>Joins literal strings and value providers into one expression.</summary>
    public static ReferenceExpression FromParts(IEnumerable<object> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var builder = new ReferenceExpressionBuilder();
        foreach (var part in parts)
        {
            switch (Normalise(part))
            {
                case string text:
                    builder.AppendLiteral(text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
                    break;
                case ReferenceExpression nested:
                    foreach (var inner in GetParts(nested))
                    {
                        AppendPart(builder, inner);
                    }

                    break;
                case var provider:
                    builder.AppendValueProvider(provider!);
                    break;
            }
        }

        return builder.Build();
    }

    private static void AppendPart(ReferenceExpressionBuilder builder, object part)
    {
        if (part is string text)
        {
            builder.AppendLiteral(text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
        }
        else
        {
            builder.AppendValueProvider(part);
        }
    }

    /// <summary>
    /// Turns a value given to an environment variable, label, argument or user into an expression: text, numbers and
    /// booleans become literals; parameters, endpoints and expressions stay references.
    /// </summary>
    /// <exception cref="InvalidOperationException">The value is of a type no publisher can write; names the resource.</exception>
    public static ReferenceExpression ToExpression(IResource resource, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return value switch
        {
            ReferenceExpression expression => expression,
            string text => Literal(text),
            bool flag => Literal(flag ? "true" : "false"),
            IResourceBuilder<IResource> { Resource: IValueProvider and IManifestExpressionProvider } builder => Of(builder.Resource),
            EndpointReference or EndpointReferenceExpression => Of(value),
            IValueProvider and IManifestExpressionProvider => Of(value),
            IFormattable formattable => Literal(formattable.ToString(null, CultureInfo.InvariantCulture)),
            _ => throw new InvalidOperationException(
                $"resource '{resource.Name}': '{name}' has a value of type {value?.GetType().Name ?? "null"}; use a string, a parameter, an endpoint or an interpolated string."),
        };
    }

    /// <summary>The expression as literal strings and value providers, in order (nested expressions flattened).</summary>
    public static IReadOnlyList<object> GetParts(ReferenceExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parts = new List<object>();
        var format = expression.Format;
        var text = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c)
            {
                text.Append(c);
                i++;
            }
            else if (c == '{')
            {
                var end = format.IndexOf('}', i);
                var token = format[(i + 1)..end];
                var colon = token.IndexOf(':');
                var index = int.Parse(colon < 0 ? token : token[..colon], CultureInfo.InvariantCulture);
                if (text.Length > 0)
                {
                    parts.Add(text.ToString());
                    text.Clear();
                }

                var provider = expression.ValueProviders[index];
                if (provider is ReferenceExpression nested)
                {
                    parts.AddRange(GetParts(nested));
                }
                else
                {
                    parts.Add(Normalise(provider));
                }

                i = end;
            }
            else
            {
                text.Append(c);
            }
        }

        if (text.Length > 0)
        {
            parts.Add(text.ToString());
        }

        return Merge(parts);
    }

    extension(ReferenceExpression expression)
    {
        /// <summary>The expression as literal strings and value providers, in order (nested expressions flattened).</summary>
        public IReadOnlyList<object> Parts => GetParts(expression);

        /// <summary>The value providers the expression refers to (parameters, endpoint properties, ...).</summary>
        public IEnumerable<object> References => GetParts(expression).Where(p => p is not string);

        /// <summary>Whether the expression is plain text (no reference).</summary>
        public bool IsLiteral => !expression.References.Any();
    }

    /// <summary>Writes the expression with each reference rendered by <paramref name="render"/>.</summary>
    public static string Render(this ReferenceExpression expression, Func<object, string> render, Func<string, string>? literal = null)
    {
        ArgumentNullException.ThrowIfNull(render);
        var text = new StringBuilder();
        foreach (var part in GetParts(expression))
        {
            text.Append(part is string s ? literal is null ? s : literal(s) : render(part));
        }

        return text.ToString();
    }

    /// <summary>The resource a reference belongs to: the parameter itself, or the endpoint's resource.</summary>
    public static IResource? OwnerOf(object reference) => reference switch
    {
        ParameterResource parameter => parameter,
        EndpointReferenceExpression property => property.Endpoint.Resource,
        EndpointReference endpoint => endpoint.Resource,
        IResource resource => resource,
        _ => null,
    };

    private static object Normalise(object? part) => part switch
    {
        null => "",
        EndpointReference endpoint => endpoint.Property(EndpointProperty.Url),
        IResourceBuilder<IResource> builder => builder.Resource,
        _ => part,
    };

    private static List<object> Merge(List<object> parts)
    {
        var merged = new List<object>(parts.Count);
        foreach (var part in parts)
        {
            if (part is string text && merged.Count > 0 && merged[^1] is string previous)
            {
                merged[^1] = previous + text;
            }
            else if (part is not "")
            {
                merged.Add(part);
            }
        }

        return merged;
    }
}
