using Mamori.Core;
using Mamori.Core.Answering;
using Mamori.Knowledge.Answering;
using Mamori.Knowledge.Embeddings;
using Mamori.Knowledge.Index;
using Mamori.Knowledge.Interpreting;
using Mamori.Core.Understanding;
using Mamori.Knowledge.Qdrant;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mamori.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Knowledge answering: the embedded index by default, Qdrant when Knowledge:Qdrant:Url is set; a chat model when
    /// Knowledge:AzureOpenAI (or Knowledge:OpenAI) names a chat deployment/model, otherwise extractive answers.
    /// Every setting and every prompt file is validated at start-up, with errors that name the setting or file.
    /// With a chat model, an <see cref="IReplyInterpreter"/> too: diagnosis replies the rules cannot place are guessed by the
    /// model and asked back to the owner (Knowledge:Interpreting); without one, none is registered and nothing changes.
    /// </summary>
    public static IServiceCollection AddMamoriKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(Logger<>)));
        services.AddContentRoot(configuration);

        services.AddOptions<KnowledgeSourceOptions>().Bind(configuration.GetSection(KnowledgeSourceOptions.Section));
        services.AddOptions<AnsweringOptions>().Bind(configuration.GetSection(AnsweringOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AnsweringOptions>, PromptFilesValidation>();
        services.AddOptions<AzureOpenAIOptions>().Bind(configuration.GetSection(AzureOpenAIOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.ApiKey), "Knowledge:AzureOpenAI:ApiKey is required when Knowledge:AzureOpenAI:Endpoint is set.")
            .Validate(o => !o.Enabled || o.ChatEnabled || o.EmbeddingsEnabled,
                "Knowledge:AzureOpenAI:Endpoint is set but neither Knowledge:AzureOpenAI:ChatDeployment nor Knowledge:AzureOpenAI:EmbeddingDeployment is.")
            .ValidateOnStart();
        services.AddOptions<OpenAICompatibleOptions>().Bind(configuration.GetSection(OpenAICompatibleOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => !o.Enabled || o.ChatEnabled || o.EmbeddingsEnabled,
                "Knowledge:OpenAI:Endpoint is set but neither Knowledge:OpenAI:ChatModel nor Knowledge:OpenAI:EmbeddingModel is.")
            .ValidateOnStart();
        services.AddOptions<QdrantOptions>().Bind(configuration.GetSection(QdrantOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(sp => configuration.GetSection(RetrievalOptions.Section).Get<RetrievalOptions>() ?? RetrievalOptions.Default);
        services.AddSingleton(sp =>
        {
            var azure = sp.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value;
            var openAI = sp.GetRequiredService<IOptions<OpenAICompatibleOptions>>().Value;
            var identity = azure.EmbeddingsEnabled ? $"azure:{azure.EmbeddingDeployment}:{azure.EmbeddingDimensions}"
                : openAI.EmbeddingsEnabled ? $"openai:{openAI.EmbeddingModel}:{openAI.EmbeddingDimensions}" : "sparse-only";
            return new KnowledgeBase(
                sp.GetRequiredService<ContentRoot>(),
                sp.GetRequiredService<IOptions<KnowledgeSourceOptions>>().Value,
                sp.GetRequiredService<RetrievalOptions>(),
                sp.GetRequiredService<IOptions<QdrantOptions>>().Value,
                EmbeddingGeneratorFactory.Create(azure, openAI),
                identity,
                EmbeddingGeneratorFactory.Dimensions(azure, openAI),
                sp.GetRequiredService<ILoggerFactory>());
        });
        services.AddSingleton(sp => PromptLibrary.Load(
            sp.GetRequiredService<IOptions<AnsweringOptions>>().Value.PromptsFolder(sp.GetRequiredService<ContentRoot>())));
        services.AddSingleton(sp => MamoriKernel.Create(
            new KnowledgeSearchPlugin(sp.GetRequiredService<KnowledgeBase>()),
            sp.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value,
            sp.GetRequiredService<IOptions<OpenAICompatibleOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => new KnowledgeAnswerer(
            sp.GetRequiredService<Microsoft.SemanticKernel.Kernel>(),
            sp.GetRequiredService<PromptLibrary>(),
            sp.GetRequiredService<IOptions<AnsweringOptions>>().Value,
            sp.GetRequiredService<ILogger<KnowledgeAnswerer>>()));
        services.AddSingleton<IQuestionAnswerer>(sp => sp.GetRequiredService<KnowledgeAnswerer>());
        AddReplyInterpreter(services, configuration);
        return services;
    }

    /// <summary>
    /// Registered only when a chat model is configured: the dialog engine takes an interpreter only if there is one, so the
    /// choice is made here from the same settings the kernel reads (validated at start like every other).
    /// </summary>
    private static void AddReplyInterpreter(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReplyInterpreterOptions>().Bind(configuration.GetSection(ReplyInterpreterOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        var chat = configuration.GetSection(AzureOpenAIOptions.Section).Get<AzureOpenAIOptions>()?.ChatEnabled == true
            || configuration.GetSection(OpenAICompatibleOptions.Section).Get<OpenAICompatibleOptions>()?.ChatEnabled == true;
        var wanted = configuration.GetSection(ReplyInterpreterOptions.Section).Get<ReplyInterpreterOptions>()?.Enabled ?? true;
        if (!chat || !wanted)
            return;
        services.AddSingleton(sp => new ModelReplyInterpreter(
            sp.GetRequiredService<Microsoft.SemanticKernel.Kernel>(),
            sp.GetRequiredService<PromptLibrary>(),
            sp.GetRequiredService<IOptions<ReplyInterpreterOptions>>().Value,
            sp.GetRequiredService<ILogger<ModelReplyInterpreter>>()));
        services.AddSingleton<IReplyInterpreter>(sp => sp.GetRequiredService<ModelReplyInterpreter>());
    }

    /// <summary>Loading the prompt files is part of validating Knowledge:Answering, so a broken prompt stops start-up.</summary>
    private sealed class PromptFilesValidation(ContentRoot content) : IValidateOptions<AnsweringOptions>
    {
        public ValidateOptionsResult Validate(string? name, AnsweringOptions options)
        {
            try
            {
                PromptLibrary.Load(options.PromptsFolder(content));
                return ValidateOptionsResult.Success;
            }
            catch (PromptFileException e)
            {
                return ValidateOptionsResult.Fail($"Knowledge:Answering:PromptsPath: {e.Message}");
            }
        }
    }
}
