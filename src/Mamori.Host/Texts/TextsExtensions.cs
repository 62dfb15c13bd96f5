using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Mamori.Host.Texts;

public static class TextsExtensions
{
    /// <summary>
    /// Adds Texts/host.ja.json as the lowest-priority configuration source (appsettings and environment variables can
    /// override any text) and binds <see cref="HostTexts"/>, failing at start when a text is missing.
    /// </summary>
    public static IServiceCollection AddHostTexts(this IServiceCollection services, ConfigurationManager configuration)
    {
        configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            Path = "Texts/host.ja.json",
            Optional = false,
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        });
        services.AddOptions<HostTexts>().BindConfiguration(HostTexts.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
