using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mamori.Core.Conversations;

/// <summary>The stored form of the state: JSON through a source-generated context (no reflection on the hot path).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ConversationState))]
[JsonSerializable(typeof(UserState))]
internal sealed partial class StateJsonContext : JsonSerializerContext;

public static class StateJson
{
    public static string Serialize(ConversationState state) => JsonSerializer.Serialize(state, StateJsonContext.Default.ConversationState);

    public static string Serialize(UserState state) => JsonSerializer.Serialize(state, StateJsonContext.Default.UserState);

    public static ConversationState DeserializeConversation(string json) =>
        JsonSerializer.Deserialize(json, StateJsonContext.Default.ConversationState)
        ?? throw new JsonException("Stored conversation state is the JSON literal null.");

    public static UserState DeserializeUser(string json) =>
        JsonSerializer.Deserialize(json, StateJsonContext.Default.UserState)
        ?? throw new JsonException("Stored user state is the JSON literal null.");
}
