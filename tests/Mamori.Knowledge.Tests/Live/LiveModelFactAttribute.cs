namespace Mamori.Knowledge.Tests.Live;

/// <summary>
/// A test against a real Azure OpenAI deployment. It runs only when the three variables name one, and is reported as
/// skipped, with the reason, everywhere else (CI has no model).
/// </summary>
public sealed class LiveModelFactAttribute : FactAttribute
{
    public const string Endpoint = "AZURE_OPENAI_ENDPOINT";
    public const string ApiKey = "AZURE_OPENAI_API_KEY";
    public const string ChatDeployment = "AZURE_OPENAI_CHAT_DEPLOYMENT";

    /// <summary>Optional: with it, the live test also ranks with dense vectors (hybrid RRF).</summary>
    public const string EmbeddingDeployment = "AZURE_OPENAI_EMBEDDING_DEPLOYMENT";

    public LiveModelFactAttribute()
    {
        if (new[] { Endpoint, ApiKey, ChatDeployment }.Any(v => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(v))))
            Skip = $"No live model: set {Endpoint}, {ApiKey} and {ChatDeployment} (and optionally {EmbeddingDeployment}) to run the answers against a real Azure OpenAI deployment.";
    }
}
