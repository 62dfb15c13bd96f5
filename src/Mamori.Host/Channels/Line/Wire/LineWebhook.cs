using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Mamori.Host.Channels.Line.Wire;

/// <summary>
/// A webhook request from the LINE Platform: the bot's user id and zero or more events (none: LINE's connectivity check).
/// Only the fields Mamori reads are typed; LINE adds fields and event types over time, and those are ignored.
/// </summary>
public sealed record LineWebhook
{
    public string? Destination { get; init; }

    public List<LineEvent>? Events { get; init; }
}

public sealed record LineEvent
{
    /// <summary>message, follow, unfollow, postback, join, leave, unsend, …</summary>
    public string? Type { get; init; }

    /// <summary>active, or standby while another channel (a chat module) holds the conversation: then the bot stays quiet.</summary>
    public string? Mode { get; init; }

    /// <summary>Milliseconds since the epoch when the event happened.</summary>
    public long Timestamp { get; init; }

    /// <summary>A ULID that stays the same when LINE redelivers the event: duplicates are dropped on it.</summary>
    public string? WebhookEventId { get; init; }

    public LineDeliveryContext? DeliveryContext { get; init; }

    public LineSource? Source { get; init; }

    /// <summary>Single-use, and only for a short while after the event: the free way to answer.</summary>
    public string? ReplyToken { get; init; }

    public LineMessage? Message { get; init; }

    public LinePostback? Postback { get; init; }
}

public sealed record LineDeliveryContext
{
    public bool IsRedelivery { get; init; }
}

public sealed record LineSource
{
    /// <summary>user (a 1:1 chat), group or room.</summary>
    public string? Type { get; init; }

    public string? UserId { get; init; }

    public string? GroupId { get; init; }

    public string? RoomId { get; init; }
}

public sealed record LineMessage
{
    /// <summary>text, image, video, audio, file, location, sticker.</summary>
    public string? Type { get; init; }

    public string? Id { get; init; }

    public string? Text { get; init; }
}

public sealed record LinePostback
{
    public string? Data { get; init; }
}

/// <summary>POST /v2/bot/message/reply.</summary>
public sealed record LineReplyRequest(string ReplyToken, IReadOnlyList<JsonObject> Messages);

/// <summary>POST /v2/bot/message/push.</summary>
public sealed record LinePushRequest(string To, IReadOnlyList<JsonObject> Messages);

/// <summary>POST /v2/bot/chat/loading/start: the animation shows until the next message or for these seconds (5–60, in fives).</summary>
public sealed record LineLoadingRequest(string ChatId, int LoadingSeconds);

/// <summary>The body of an error answer from the LINE Platform.</summary>
public sealed record LineErrorResponse
{
    public string? Message { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(LineWebhook))]
[JsonSerializable(typeof(LineReplyRequest))]
[JsonSerializable(typeof(LinePushRequest))]
[JsonSerializable(typeof(LineLoadingRequest))]
[JsonSerializable(typeof(LineErrorResponse))]
[JsonSerializable(typeof(JsonObject))]
public sealed partial class LineJson : JsonSerializerContext;
