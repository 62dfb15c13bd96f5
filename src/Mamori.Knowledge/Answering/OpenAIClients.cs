using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using OpenAI;

namespace Mamori.Knowledge.Answering;

/// <summary>
/// Builds the Azure OpenAI / OpenAI-compatible clients from our options. Retries and the network timeout are set
/// here because a failed model call already has a fallback (the extractive answer); waiting minutes helps nobody.
/// </summary>
internal static class OpenAIClients
{
    public static AzureOpenAIClient Azure(AzureOpenAIOptions options) =>
        new(new Uri(options.Endpoint!), new ApiKeyCredential(options.ApiKey!), new AzureOpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
        });

    public static OpenAIClient Compatible(OpenAICompatibleOptions options) =>
        // Local OpenAI-compatible servers often need no key; the client still requires a non-empty credential.
        new(new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey), new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint!),
            RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
        });
}
