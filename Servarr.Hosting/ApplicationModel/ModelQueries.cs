using Microsoft.Extensions.Configuration;

namespace Servarr.Hosting.ApplicationModel;

/// <summary>
/// Servarr's queries over Aspire's model types: the containers, parameters and zones of a model, an image's full
/// reference, a parameter's value while the model is being built.
/// </summary>
/// <example>
/// <code>
/// foreach (var container in model.Containers) { Console.WriteLine(container.GetImage()?.Reference); }
/// </code>
/// </example>
public static class ModelQueries
{
    extension(DistributedApplicationModel model)
    {
        /// <summary>The container resources, in declaration order.</summary>
        public IEnumerable<ContainerResource> Containers => model.Resources.OfType<ContainerResource>();

        /// <summary>The parameters, in declaration order.</summary>
        public IEnumerable<ParameterResource> Parameters => model.Resources.OfType<ParameterResource>();

        /// <summary>Servarr's network zones.</summary>
        public IEnumerable<NetworkResource> Networks => model.Resources.OfType<NetworkResource>();

        /// <summary>The resource called <paramref name="name"/>, or null.</summary>
        public IResource? Find(string name) => model.Resources.FirstOrDefault(r => r.Name == name);
    }

    extension(ContainerImageAnnotation image)
    {
        /// <summary>The image as <c>registry/image:tag</c> (the parts that are set).</summary>
        public string Reference =>
            $"{(string.IsNullOrEmpty(image.Registry) ? "" : image.Registry + "/")}{image.Image}{(string.IsNullOrEmpty(image.Tag) ? "" : ":" + image.Tag)}";
    }

    extension(ParameterResource parameter)
    {
        /// <summary>
        /// The value known while the model is built — configuration, else a constant default — or null. For choices made
        /// while building (e.g. whether to create a notification); publish again after changing it.
        /// </summary>
        public string? BuildTimeValue(IConfiguration configuration)
        {
            ArgumentNullException.ThrowIfNull(configuration);
            return configuration[parameter.ConfigurationKey]
                ?? (parameter.Default is { } d and not GenerateParameterDefault and not DevelopmentParameterDefault ? d.GetDefaultValue() : null);
        }

        /// <summary>Its configuration key, as Aspire reads it: <c>Parameters:&lt;name&gt;</c>.</summary>
        public string ConfigurationKey => $"Parameters:{parameter.Name}";

        /// <summary>The environment variable that sets it: <c>Parameters__&lt;name&gt;</c>.</summary>
        public string EnvironmentVariableName => $"Parameters__{parameter.Name}";
    }
}
