using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace Servarr.Hosting.Publishing.Compose;

/// <summary>
/// Double-quotes port-like strings (<c>"32400:32400"</c>, <c>"6881/udp"</c>): YAML 1.1 readers such as
/// docker-compose 1.29 would read some unquoted <c>a:b</c> values as base-60 numbers.
/// </summary>
internal sealed partial class QuotedPortsEmitter(IEventEmitter next) : ChainedEventEmitter(next)
{
    [GeneratedRegex(@"^\d+(:\d+)*(/(tcp|udp))?$")]
    private static partial Regex PortLike();

    public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
    {
        if (eventInfo.Source.Type == typeof(string) && eventInfo.Source.Value is string text && PortLike().IsMatch(text))
        {
            eventInfo.Style = ScalarStyle.DoubleQuoted;
        }

        base.Emit(eventInfo, emitter);
    }
}
