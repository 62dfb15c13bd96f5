using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mamori.Core.Diagnosis;

/// <summary>Stores an <see cref="AnswerSet"/> as a plain object of id → {code, raw}, for conversation state.</summary>
public sealed class AnswerSetJsonConverter : JsonConverter<AnswerSet>
{
    public override AnswerSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("An answer set must be a JSON object.");
        var set = AnswerSet.Empty;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var id = reader.GetString() ?? throw new JsonException("Missing question id.");
            reader.Read();
            string? code = null, raw = null;
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new JsonException($"Answer '{id}' must be an object with code and raw.");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "code") code = reader.GetString();
                else if (name == "raw") raw = reader.GetString();
                else reader.Skip();
            }
            set = set.With(id, new Answer(code ?? throw new JsonException($"Answer '{id}' has no code."), raw ?? code));
        }
        return set;
    }

    public override void Write(Utf8JsonWriter writer, AnswerSet value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (id, answer) in value)
        {
            writer.WritePropertyName(id);
            writer.WriteStartObject();
            writer.WriteString("code", answer.Code);
            writer.WriteString("raw", answer.Raw);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}
