using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mamori.Core.Diagnosis;

namespace Mamori.Desk.Advisers;

[JsonSerializable(typeof(AnswerSet))]
internal sealed partial class AdviserJsonContext : JsonSerializerContext;

/// <summary>A run's answers in their stored form: the answer set's own JSON (id → code and raw).</summary>
internal static class AdviserJson
{
    // As DeskJson: UTF-8 rather than \uXXXX escapes, safe because the JSON goes to a database column, never into HTML.
    private static readonly AdviserJsonContext Context = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static string Serialize(AnswerSet answers) => JsonSerializer.Serialize(answers, Context.AnswerSet);

    public static AnswerSet DeserializeAnswers(string json) =>
        JsonSerializer.Deserialize(json, Context.AnswerSet) ?? throw new JsonException("Stored answers are the JSON literal null.");
}
