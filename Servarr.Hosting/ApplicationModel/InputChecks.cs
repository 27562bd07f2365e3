using System.Globalization;
using System.Text;

namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// How Servarr's verbs treat a value Program.cs got wrong: the annotation's constructor checks it, and a refusal is
/// recorded on the resource (<see cref="InvalidInputAnnotation"/>) for the validator to report with every other
/// problem, instead of ending Program.cs with a stack trace. A null builder or argument stays an exception (a
/// programming error, not a value).
/// </summary>
public static class InputChecks
{
    /// <summary>
    /// Adds the annotation <paramref name="create"/> makes (<see cref="ResourceAnnotationMutationBehavior.Replace"/> replaces
    /// those of its type), or, when its constructor refuses a value
    /// (<see cref="ArgumentException"/>), records the refusal for <paramref name="call"/> and adds nothing.
    /// </summary>
    /// <example>
    /// <code>
    /// return builder.WithCheckedAnnotation($".WithHostname({InputChecks.Quote(hostname)})", () => new HostnameAnnotation(hostname));
    /// </code>
    /// </example>
    public static IResourceBuilder<T> WithCheckedAnnotation<T, TAnnotation>(this IResourceBuilder<T> builder, string call, Func<TAnnotation> create,
        ResourceAnnotationMutationBehavior behavior = ResourceAnnotationMutationBehavior.Append) where T : IResource where TAnnotation : class, IResourceAnnotation
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(create);
        return TryCreate(builder, call, create) is { } annotation ? builder.WithAnnotation(annotation, behavior) : builder;
    }

    /// <summary>
    /// The annotation <paramref name="create"/> makes, or null after recording its refusal on <paramref name="builder"/>'s
    /// resource (for verbs that do more than add one annotation: they stop there).
    /// </summary>
    /// <example>
    /// <code>
    /// if (InputChecks.TryCreate(builder, ".WithDockerSocket(\"\")", () => new DockerSocketAccessAnnotation(reason)) is not { } access) return builder;
    /// </code>
    /// </example>
    public static TAnnotation? TryCreate<T, TAnnotation>(IResourceBuilder<T> builder, string call, Func<TAnnotation> create)
        where T : IResource where TAnnotation : class, IResourceAnnotation
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(create);
        try
        {
            return create();
        }
        catch (ArgumentException exception) when (exception is not ArgumentNullException)
        {
            builder.WithAnnotation(new InvalidInputAnnotation(call, Describe(exception)));
            return null;
        }
    }

    /// <summary>Records that <paramref name="call"/> was refused because of <paramref name="problem"/> (what is wrong and the fix).</summary>
    /// <example><code>InputChecks.Refuse(builder, ".WithMonitorPolicy(...)", "the interval is under 20 s; pass at least TimeSpan.FromSeconds(20)");</code></example>
    public static IResourceBuilder<T> Refuse<T>(IResourceBuilder<T> builder, string call, string problem) where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new InvalidInputAnnotation(call, problem));
    }

    /// <summary>A string as a C# literal on one line, for quoting a call: <c>"it's"</c>, <c>"a\nb"</c>.</summary>
    /// <example><code>InputChecks.Quote("a\"b") // "\"a\\\"b\""</code></example>
    public static string Quote(string? value) =>
        value is null ? "null" : "\"" + Escape(value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)) + "\"";

    /// <summary>Control characters (line breaks, TAB, ...) written as escapes, so a value stays on its line.</summary>
    private static string Escape(string value)
    {
        var text = new StringBuilder();
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }

    /// <summary>Several strings quoted and comma separated, for <c>params</c> verbs.</summary>
    public static string Quote(IEnumerable<string?> values) => string.Join(", ", (values ?? []).Select(Quote));

    /// <summary>
    /// Checks a reason or other free text a verb requires: null is a programming error (<see cref="ArgumentNullException"/>),
    /// blank is a value to fix, said with <paramref name="example"/>.
    /// </summary>
    internal static string RequireText(string? value, string what, string example, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        return string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException($"{what} is empty; say it in a few words, e.g. {Quote(example)}", parameterName)
            : value;
    }

    /// <summary>A DNS label close to <paramref name="value"/>, for a fix: <c>"Bad_Host!"</c> → <c>bad-host</c>.</summary>
    internal static string SuggestLabel(string value)
    {
        var label = System.Text.RegularExpressions.Regex.Replace(value.Trim().ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        return label.Length == 0 ? "app" : label.Length > 63 ? label[..63].TrimEnd('-') : label;
    }

    /// <summary>The exception's message on one line, without .NET's "(Parameter 'x')" suffix.</summary>
    internal static string Describe(ArgumentException exception)
    {
        // An out-of-range message goes on with "Actual value was ..." on a second line: the first says it all. Any other
        // line break is the refused value's own, kept visible as \n.
        var message = exception is ArgumentOutOfRangeException
            ? exception.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)[0].Trim()
            : Escape(exception.Message);
        var suffix = $" (Parameter '{exception.ParamName}')";
        if (exception.ParamName is not null && message.EndsWith(suffix, StringComparison.Ordinal))
        {
            message = message[..^suffix.Length];
        }

        return message;
    }
}
