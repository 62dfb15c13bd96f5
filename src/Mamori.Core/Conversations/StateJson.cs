using System.Text.Encodings.Web;
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
    // Every turn writes the state: Japanese kept as UTF-8 rather than \uXXXX escapes is about a third of the size.
    // Safe here because the JSON goes to a database column, never into HTML.
    private static readonly StateJsonContext Context = new(new JsonSerializerOptions(StateJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize(ConversationState state) => JsonSerializer.Serialize(state, Context.ConversationState);

    public static string Serialize(UserState state) => JsonSerializer.Serialize(state, Context.UserState);

    public static ConversationState DeserializeConversation(string json) =>
        JsonSerializer.Deserialize(json, Context.ConversationState)
        ?? throw new JsonException("Stored conversation state is the JSON literal null.");

    public static UserState DeserializeUser(string json) =>
        JsonSerializer.Deserialize(json, Context.UserState)
        ?? throw new JsonException("Stored user state is the JSON literal null.");
}
