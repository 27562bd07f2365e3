using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Servarr.Hosting.Publishing.Compose;

/// <summary>YamlDotNet settings for compose files: nulls and empty lists left out, ambiguous strings quoted.</summary>
public static class ComposeYaml
{
    private static readonly ISerializer s_serializer = new SerializerBuilder()
        .WithNamingConvention(NullNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .WithQuotingNecessaryStrings()
        .WithEventEmitter(next => new Yaml11SafeScalarEmitter(next))
        .DisableAliases()
        .Build();

    /// <summary>Serializes a compose file.</summary>
    public static string Serialize(ComposeFile file) => s_serializer.Serialize(file);
}
