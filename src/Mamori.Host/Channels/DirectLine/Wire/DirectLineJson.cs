using System.Text.Json;
using System.Text.Json.Serialization;
using Mamori.Host.Channels.Activities;

namespace Mamori.Host.Channels.DirectLine.Wire;

/// <summary>camelCase, nulls left out, source-generated so the hot path does no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ActivitySet))]
[JsonSerializable(typeof(ConversationInfo))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(TokenParameters))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonNode))]
public sealed partial class DirectLineJson : JsonSerializerContext;
