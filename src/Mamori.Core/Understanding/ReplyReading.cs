using System.Text.Json.Serialization;

namespace Mamori.Core.Understanding;

/// <summary>What became of a reply (the <c>outcome</c> of `mamori understand`, docs/diagnosis.md).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReadingOutcome>))]
public enum ReadingOutcome
{
    /// <summary>Read with confidence: recorded, and echoed in one line with the next question.</summary>
    [JsonStringEnumMemberName("understood")] Understood,

    /// <summary>A best guess: the bot asks 「『〇〇』ということでよろしいですか？」 and records it only when the owner agrees.</summary>
    [JsonStringEnumMemberName("confirm")] Confirm,

    /// <summary>Nothing could be read: the question is asked again with its buttons.</summary>
    [JsonStringEnumMemberName("notUnderstood")] NotUnderstood,

    /// <summary>Not an answer but a question of the owner's (「無料のソフトでも大丈夫ですか？」): answered, then the diagnosis resumes.</summary>
    [JsonStringEnumMemberName("question")] Question,
}

/// <summary>How one reply to one diagnosis question was read.</summary>
/// <param name="Code">The choice code read, or the guess to confirm; null when nothing was read.</param>
/// <param name="Confidence">0–1: how sure the reading is (≥ <see cref="ReplyReader.UnderstoodAt"/> is understood).</param>
/// <param name="Label">The choice's label, as the owner sees it (「0円（予算なし）」).</param>
/// <param name="Number">For count and amount questions: the number read (people, yen per year), if one was.</param>
/// <param name="Alternatives">When a word could mean several choices (「府中市」): every one of them, the guess first.</param>
/// <param name="Source">Which rule produced it, for evaluation and logs (never shown to the owner).</param>
/// <param name="Note">For a guess: why the bot asks, said before 「『〇〇』ということでよろしいですか？」
/// (<see cref="Diagnosis.AnswerHint.Note"/>); null for none.</param>
/// <param name="AlsoAsked">A question the owner asked after the answer (「入れてない。Macやし要らんやろ？」): answered from the
/// guidelines before the next question; null for none.</param>
public sealed record ReplyReading(
    ReadingOutcome Outcome,
    string? Code = null,
    double Confidence = 0,
    string? Label = null,
    decimal? Number = null,
    IReadOnlyList<string>? Alternatives = null,
    string Source = "",
    string? Note = null,
    string? AlsoAsked = null)
{
    public static readonly ReplyReading NotUnderstood = new(ReadingOutcome.NotUnderstood);

    public static readonly ReplyReading AQuestion = new(ReadingOutcome.Question, Source: "question");

    public bool IsAnswer => Outcome is ReadingOutcome.Understood && Code is not null;
}
