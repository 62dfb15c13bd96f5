using System.ComponentModel.DataAnnotations;

namespace Mamori.Knowledge.Answering;

/// <summary>
/// Azure OpenAI, used for chat answers and/or embeddings when configured. Unset endpoint: off, and the bot answers
/// extractively with no model at all.
/// </summary>
public sealed class AzureOpenAIOptions
{
    public const string Section = "Knowledge:AzureOpenAI";

    [Url] public string? Endpoint { get; set; }
    public string? ApiKey { get; set; }
    public string? ChatDeployment { get; set; }
    public string? EmbeddingDeployment { get; set; }

    /// <summary>Shortens text-embedding-3-* vectors; also the Qdrant dense vector size.</summary>
    [Range(1, 8192)] public int? EmbeddingDimensions { get; set; }

    /// <summary>A failed model call falls back to the extractive answer, so few retries keep the user from waiting.</summary>
    [Range(0, 5)] public int MaxRetries { get; set; } = 1;

    [Range(1, 300)] public int TimeoutSeconds { get; set; } = 30;

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);
    public bool ChatEnabled => Enabled && !string.IsNullOrWhiteSpace(ChatDeployment);
    public bool EmbeddingsEnabled => Enabled && !string.IsNullOrWhiteSpace(EmbeddingDeployment);
}

/// <summary>Any OpenAI-compatible endpoint (OpenAI itself, a local server, a gateway), used when Azure OpenAI is not set.</summary>
public sealed class OpenAICompatibleOptions
{
    public const string Section = "Knowledge:OpenAI";

    /// <summary>Base URL including the version segment, e.g. https://api.openai.com/v1.</summary>
    [Url] public string? Endpoint { get; set; }
    public string? ApiKey { get; set; }
    public string? ChatModel { get; set; }
    public string? EmbeddingModel { get; set; }
    [Range(1, 8192)] public int? EmbeddingDimensions { get; set; }
    [Range(0, 5)] public int MaxRetries { get; set; } = 1;
    [Range(1, 300)] public int TimeoutSeconds { get; set; } = 30;

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);
    public bool ChatEnabled => Enabled && !string.IsNullOrWhiteSpace(ChatModel);
    public bool EmbeddingsEnabled => Enabled && !string.IsNullOrWhiteSpace(EmbeddingModel);
}
