using Mamori.Knowledge.Answering;
using Microsoft.Extensions.AI;

namespace Mamori.Knowledge.Embeddings;

/// <summary>
/// The dense-vector model, when one is configured: Azure OpenAI first, then an OpenAI-compatible endpoint.
/// Null means dense retrieval is off and ranking is lexical (BM25) only.
/// </summary>
public static class EmbeddingGeneratorFactory
{
    public static IEmbeddingGenerator<string, Embedding<float>>? Create(AzureOpenAIOptions azure, OpenAICompatibleOptions openAI)
    {
        if (azure.EmbeddingsEnabled)
            return OpenAIClients.Azure(azure).GetEmbeddingClient(azure.EmbeddingDeployment!).AsIEmbeddingGenerator(azure.EmbeddingDimensions);
        if (openAI.EmbeddingsEnabled)
            return OpenAIClients.Compatible(openAI).GetEmbeddingClient(openAI.EmbeddingModel!).AsIEmbeddingGenerator(openAI.EmbeddingDimensions);
        return null;
    }

    /// <summary>The vector size the Qdrant collection must be created with (text-embedding-3-large gives 3072 unshortened).</summary>
    public static int? Dimensions(AzureOpenAIOptions azure, OpenAICompatibleOptions openAI) =>
        azure.EmbeddingsEnabled ? azure.EmbeddingDimensions : openAI.EmbeddingsEnabled ? openAI.EmbeddingDimensions : null;
}
