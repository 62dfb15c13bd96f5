using System.Text.Json;
using System.Text.Json.Serialization;
using Mamori.Host.Channels.Activities;

namespace Mamori.Host.Channels.DirectLine.Wire;

/// <summary>What GET activities and every WebSocket frame carry. A null watermark tells the client to keep its own.</summary>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string? Watermark);

/// <summary>The Direct Line "Conversation" object: answers token generate/refresh, start and reconnect.</summary>
public sealed record ConversationInfo
{
    public required string ConversationId { get; init; }
    public required string Token { get; init; }

    [JsonPropertyName("expires_in")]
    public int ExpiresIn { get; init; }

    public string? StreamUrl { get; init; }
}

/// <summary>The optional body of tokens/generate and conversations (start).</summary>
public sealed class TokenParameters
{
    public ChannelAccount? User { get; set; }
    public string? Locale { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
