using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Servarr.Hosting.Publishing.Compose;

/// <summary>
/// Writes compose nodes with YamlDotNet's emitter, key by key in compose's usual order, leaving out what is unset.
/// Strings a YAML reader would take for something else are double-quoted: numbers, YAML 1.1 booleans
/// (<c>no</c>, <c>on</c>, which docker-compose 1.29 still reads as booleans) and port pairs (<c>"22:22"</c> is a
/// base-60 number in YAML 1.1). Writing the nodes directly, not through the reflection serializer, keeps a publish
/// fast from a cold start.
/// </summary>
public static partial class ComposeYaml
{
    [GeneratedRegex(@"^([-+]?(\d[\d_]*)?(\.\d*)?([eE][-+]?\d+)?|\d+(:\d+)*(/(tcp|udp))?|0x[0-9a-fA-F]+|0o[0-7]+|\.(inf|Inf|INF|nan|NaN|NAN)|[-+]\.(inf|Inf|INF)|~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|true|True|TRUE|false|False|FALSE)$")]
    private static partial Regex Ambiguous();

    /// <summary>Serializes a compose file.</summary>
    public static string Serialize(ComposeFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(text, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        var root = new MappingWriter(emitter);
        root.Map("services", file.Services, WriteService);
        root.Map("networks", file.Networks, (e, n) => new MappingWriter(e).String("driver", n.Driver).End());
        root.Map("volumes", file.Volumes, (e, v) => new MappingWriter(e).String("driver", v.Driver).End());
        root.End();
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void WriteService(IEmitter emitter, ComposeService service) => new MappingWriter(emitter)
        .String("image", service.Image)
        .String("container_name", service.ContainerName)
        .String("hostname", service.Hostname)
        .Boolean("init", service.Init)
        .Sequence("entrypoint", service.Entrypoint)
        .Sequence("command", service.Command)
        .String("user", service.User)
        .Map("environment", service.Environment, (e, value) => e.Emit(Scalar(value)))
        .String("network_mode", service.NetworkMode)
        .Sequence("ports", service.Ports)
        .Sequence("expose", service.Expose)
        .Sequence("networks", service.Networks)
        .Items("volumes", service.Volumes, (e, v) =>
        {
            if (v.LongSyntax)
            {
                new MappingWriter(e).String("type", v.Type).String("source", v.Source).String("target", v.Target).Boolean("read_only", v.ReadOnly).End();
            }
            else
            {
                e.Emit(Scalar(v.ToString()));
            }
        })
        .Sequence("cap_drop", service.CapDrop)
        .Sequence("cap_add", service.CapAdd)
        .Sequence("security_opt", service.SecurityOpt)
        .String("mem_limit", service.MemLimit)
        .Decimal("cpus", service.Cpus)
        .Sequence("devices", service.Devices)
        .Sequence("extra_hosts", service.ExtraHosts)
        .Map("depends_on", service.DependsOn, (e, d) => new MappingWriter(e).String("condition", d.Condition).End())
        .Mapping("healthcheck", service.Healthcheck, (e, h) => new MappingWriter(e)
            .Sequence("test", h.Test)
            .String("interval", h.Interval)
            .String("timeout", h.Timeout)
            .Number("retries", h.Retries)
            .String("start_period", h.StartPeriod)
            .End())
        .String("restart", service.Restart)
        .Map("labels", service.Labels, (e, value) => e.Emit(Scalar(value)))
        .End();

    internal static Scalar Scalar(string value) =>
        new(null, null, value, value.Length == 0 || Ambiguous().IsMatch(value) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any, true, true);

    /// <summary>Emits one block mapping, skipping keys whose value is null.</summary>
    private readonly struct MappingWriter
    {
        private readonly IEmitter _emitter;

        public MappingWriter(IEmitter emitter)
        {
            _emitter = emitter;
            emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
        }

        public MappingWriter String(string key, string? value)
        {
            if (value is not null)
            {
                Key(key);
                _emitter.Emit(Scalar(value));
            }

            return this;
        }

        public MappingWriter Number(string key, int? value)
        {
            if (value is { } number)
            {
                Key(key);
                _emitter.Emit(new Scalar(number.ToString(CultureInfo.InvariantCulture)));
            }

            return this;
        }

        public MappingWriter Decimal(string key, string? value)
        {
            if (value is not null)
            {
                Key(key);
                _emitter.Emit(new Scalar(value)); // a plain number, e.g. 1.5
            }

            return this;
        }

        public MappingWriter Boolean(string key, bool? value)
        {
            if (value is { } flag)
            {
                Key(key);
                _emitter.Emit(new Scalar(flag ? "true" : "false"));
            }

            return this;
        }

        public MappingWriter Sequence(string key, IReadOnlyList<string>? values)
        {
            if (values is null)
            {
                return this;
            }

            Key(key);
            _emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));
            foreach (var value in values)
            {
                _emitter.Emit(Scalar(value));
            }

            _emitter.Emit(new SequenceEnd());
            return this;
        }

        public MappingWriter Items<T>(string key, IReadOnlyList<T>? values, Action<IEmitter, T> write)
        {
            if (values is null)
            {
                return this;
            }

            Key(key);
            _emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));
            foreach (var value in values)
            {
                write(_emitter, value);
            }

            _emitter.Emit(new SequenceEnd());
            return this;
        }

        public MappingWriter Map<T>(string key, IReadOnlyDictionary<string, T>? values, Action<IEmitter, T> write)
        {
            if (values is null)
            {
                return this;
            }

            Key(key);
            _emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
            foreach (var (name, value) in values)
            {
                _emitter.Emit(Scalar(name));
                write(_emitter, value);
            }

            _emitter.Emit(new MappingEnd());
            return this;
        }

        public MappingWriter Mapping<T>(string key, T? value, Action<IEmitter, T> write) where T : class
        {
            if (value is not null)
            {
                Key(key);
                write(_emitter, value);
            }

            return this;
        }

        public void End() => _emitter.Emit(new MappingEnd());

        private void Key(string key) => _emitter.Emit(new Scalar(key));
    }
}
