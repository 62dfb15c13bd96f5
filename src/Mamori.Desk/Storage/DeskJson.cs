using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mamori.Desk.Cases;

namespace Mamori.Desk.Storage;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(CaseSnapshot))]
internal sealed partial class DeskJsonContext : JsonSerializerContext;

/// <summary>The case snapshot's stored form: JSON through a source-generated context.</summary>
internal static class DeskJson
{
    // Japanese kept as UTF-8 rather than \uXXXX escapes; safe because the JSON goes to a database column, never into HTML.
    private static readonly DeskJsonContext Context = new(new JsonSerializerOptions(DeskJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize(CaseSnapshot snapshot) => JsonSerializer.Serialize(snapshot, Context.CaseSnapshot);

    public static CaseSnapshot DeserializeSnapshot(string json) =>
        JsonSerializer.Deserialize(json, Context.CaseSnapshot) ?? throw new JsonException("Stored case snapshot is the JSON literal null.");
}
