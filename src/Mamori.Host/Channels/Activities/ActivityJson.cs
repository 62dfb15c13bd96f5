using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mamori.Host.Channels.Activities;

/// <summary>
/// The Activity schema's JSON, shared by every Bot Framework–family channel: camelCase, nulls left out, unknown fields
/// kept, source-generated so the hot path does no reflection.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonNode))]
public sealed partial class ActivityJson : JsonSerializerContext;
