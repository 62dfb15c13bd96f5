using System.Text.Json;
using Mamori.Core.Diagnosis;

namespace Mamori.Core.Understanding;

/// <summary>
/// Reads an answers file, <c>{"answers":{"&lt;questionId&gt;":"&lt;choice code or free text&gt;"}}</c>, with the same
/// <see cref="ReplyReader"/> as the chat. Every problem is collected (unknown id, unreadable answer, a reading the chat
/// would ask the owner to confirm) so one run shows them all.
/// </summary>
public static class AnswerFile
{
    public static (AnswerSet Answers, IReadOnlyList<string> Errors) Parse(string json, DiagnosisScript script, ReplyReader reader)
    {
        var errors = new List<string>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return (AnswerSet.Empty, [$"the file is not valid JSON: {ex.Message}"]);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("answers", out var answersElement)
                || answersElement.ValueKind != JsonValueKind.Object)
                return (AnswerSet.Empty, ["the file needs an object {\"answers\": {\"<questionId>\": \"<code or text>\"}}"]);

            var answers = AnswerSet.Empty;
            foreach (var property in answersElement.EnumerateObject())
            {
                if (!script.TryGet(property.Name, out var question))
                {
                    errors.Add($"unknown question id '{property.Name}' (valid ids: {string.Join(", ", script.Questions.Select(q => q.Id))})");
                    continue;
                }
                var text = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetRawText(),   // 「"employees": 12」 means 12 people
                    _ => null,
                };
                if (string.IsNullOrWhiteSpace(text))
                {
                    errors.Add($"answer to '{question.Id}' must be a non-empty string (a code or the user's words)");
                    continue;
                }
                if (question.Accepts(text.Trim()))
                {
                    answers = answers.With(question.Id, text.Trim(), text);
                    continue;
                }
                switch (reader.Read(question, text))
                {
                    case { Outcome: ReadingOutcome.Understood, Code: { } code }:
                        answers = answers.With(question.Id, code, text);
                        break;
                    case { Outcome: ReadingOutcome.Confirm, Code: { } guess } reading:
                        var others = reading.Alternatives is { Count: > 1 } a ? $" (or: {string.Join(", ", a.Skip(1))})" : "";
                        errors.Add($"answer to '{question.Id}' needs confirming: \"{text}\" was read as '{guess}' 「{question.LabelOf(guess)}」{others}; " +
                                   "write the code to be sure");
                        break;
                    default:
                        errors.Add($"answer to '{question.Id}' could not be understood: \"{text}\" " +
                                   $"(codes: {string.Join(" ", question.Codes)}, or words such as 「{question.Choices[0].Label}」)");
                        break;
                }
            }
            return (answers, errors);
        }
    }
}
