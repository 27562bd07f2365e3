using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace Servarr.Hosting.Publishing.Compose;

/// <summary>
/// Double-quotes strings that a YAML 1.1 reader such as docker-compose 1.29 would not read as strings: port-like
/// values (<c>"22:22"</c> is a base-60 number there) and the 1.1 booleans (<c>no</c>, <c>on</c>, <c>y</c>...).
/// </summary>
internal sealed partial class Yaml11SafeScalarEmitter(IEventEmitter next) : ChainedEventEmitter(next)
{
    [GeneratedRegex(@"^(\d+(:\d+)*(/(tcp|udp))?|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|true|True|TRUE|false|False|FALSE)$")]
    private static partial Regex Ambiguous();

    public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
    {
        if (eventInfo.Source.Type == typeof(string) && eventInfo.Source.Value is string text && Ambiguous().IsMatch(text))
        {
            eventInfo.Style = ScalarStyle.DoubleQuoted;
        }

        base.Emit(eventInfo, emitter);
    }
}
