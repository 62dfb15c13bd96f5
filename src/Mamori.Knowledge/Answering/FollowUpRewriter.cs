using System.Text;
using Mamori.Core.Answering;

namespace Mamori.Knowledge.Answering;

/// <summary>
/// Without a language model, a follow-up such as 「それはいくら？」 is made searchable by carrying over the topic of the
/// previous user question: a leading それ/その/これ… is replaced by that topic, otherwise the topic is put in front.
/// Only short or anaphoric questions are rewritten; a new, complete question stands on its own.
/// </summary>
internal static class FollowUpRewriter
{
    /// <summary>Questions this short (after normalisation) rarely name their topic: 「費用は？」「申込方法は？」.</summary>
    private const int ShortQuestion = 10;

    // Demonstratives and connectives that point back to the previous turn, longest first so その beats そ….
    private static readonly string[] Anaphors =
        ["それって", "それは", "それの", "それを", "そちらは", "そちらの", "そこは", "これは", "これって", "あれは", "その", "この", "あの", "それ", "これ", "あれ", "じゃあ", "では", "なら", "あと", "ほかに", "他に"];

    // Question and politeness fragments that say nothing about the topic (normalised form).
    private static readonly string[] Filler =
        ["を教えてください", "教えてください", "について", "ってなに", "って何", "とは何", "ってどういう", "とは", "って", "でしょうか", "ですか",
         "ますか", "教えて", "ください", "何ですか", "なに", "何", "どんな", "どうすれば", "どう", "?", "。"];

    public static bool IsFollowUp(string question)
    {
        var normalized = Normalize(question);
        return normalized.Length <= ShortQuestion || Anaphors.Any(a => normalized.StartsWith(a, StringComparison.Ordinal));
    }

    /// <returns>The question to search with; the original when there is nothing to carry over.</returns>
    public static string Rewrite(string question, IReadOnlyList<ConversationLine> history)
    {
        if (!IsFollowUp(question) || Topic(history) is not { Length: > 0 } topic)
            return question;

        var normalized = Normalize(question);
        foreach (var anaphor in Anaphors)
        {
            if (!normalized.StartsWith(anaphor, StringComparison.Ordinal))
                continue;
            var rest = normalized[anaphor.Length..];
            // 「その費用は？」→「<topic>の費用は？」; 「それはいくら？」→「<topic>はいくら？」
            var joiner = anaphor switch
            {
                "その" or "この" or "あの" or "それの" or "そちらの" => "の",
                "それは" or "これは" or "あれは" or "そちらは" or "そこは" => "は",
                "それを" => "を",
                _ => " ",
            };
            return (topic + joiner + rest).Trim();
        }

        return $"{topic} {normalized}";
    }

    /// <summary>The topic of the most recent user question that was not itself a follow-up, without question filler.</summary>
    private static string? Topic(IReadOnlyList<ConversationLine> history)
    {
        for (var i = history.Count - 1; i >= 0; i--)
        {
            var line = history[i];
            if (line.Role != ConversationRole.User || IsFollowUp(line.Text))
                continue;

            var topic = new StringBuilder(Normalize(line.Text));
            foreach (var filler in Filler)
                topic.Replace(filler, " ");
            var result = string.Join(" ", topic.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
            // A trailing particle left by the filler removal (「お助け隊は」) reads badly once joined.
            return result.TrimEnd('は', 'が', 'を', 'の', 'に', 'で', 'と', 'も', ' ');
        }

        return null;
    }

    private static string Normalize(string text) =>
        text.Normalize(NormalizationForm.FormKC).Replace('？', '?').Trim();
}
