using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Mamori.Knowledge.Answering;

/// <summary>
/// The Semantic Kernel used for answering: the knowledge search plugin always, a chat model only when configured
/// (Azure OpenAI first, else an OpenAI-compatible endpoint). Built once; a Kernel with no chat service is the
/// extractive mode.
/// </summary>
public static class MamoriKernel
{
    public static Kernel Create(KnowledgeSearchPlugin search, AzureOpenAIOptions azure, OpenAICompatibleOptions openAI, ILoggerFactory loggerFactory)
    {
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(loggerFactory);
        if (azure.ChatEnabled)
            builder.AddAzureOpenAIChatCompletion(azure.ChatDeployment!, OpenAIClients.Azure(azure));
        else if (openAI.ChatEnabled)
            builder.AddOpenAIChatCompletion(openAI.ChatModel!, OpenAIClients.Compatible(openAI));
        builder.Plugins.AddFromObject(search, KnowledgeSearchPlugin.PluginName);
        return builder.Build();
    }

    public static bool HasChatModel(Kernel kernel) => kernel.Services.GetService<IChatCompletionService>() is not null;
}
