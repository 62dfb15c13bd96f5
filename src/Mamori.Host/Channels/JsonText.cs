using System.Text.Json;

namespace Mamori.Host.Channels;

/// <summary>
/// Refuses JSON whose strings are not Unicode text. An escaped unpaired surrogate (<c>"\ud800"</c>) parses, and in a
/// field kept as raw JSON (value, channelData, entities, unknown fields) it was stored, after which every read of the
/// conversation failed; checked at the boundary, such a body is a 400 and nothing of it is kept.
/// </summary>
internal static class JsonText
{
    /// <summary>Why the body is not text, or null when every string is (malformed JSON is left to the parser's own error).</summary>
    public static string? Problem(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
                // Only an escape can spell a lone surrogate: raw UTF-8 is checked by the reader itself.
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped)
                    continue;
                try
                {
                    reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    return $"The text at byte {reader.TokenStartIndex} is not valid Unicode (an unpaired surrogate such as \\ud800).";
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }
}
