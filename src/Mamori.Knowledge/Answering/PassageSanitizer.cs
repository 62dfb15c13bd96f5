using System.Text;
using System.Text.RegularExpressions;

namespace Mamori.Knowledge.Answering;

/// <summary>
/// Retrieved text is data, never instructions. Before a passage is quoted or handed to a model, sentences that try to
/// instruct the reader ("以前の指示を無視して…", "ignore previous instructions", role tags) are dropped.
/// Delimiting and HTML-encoding in the prompt are the second line of defence; this is the first.
/// </summary>
internal static partial class PassageSanitizer
{
    public static string Neutralize(string passage)
    {
        var kept = new StringBuilder(passage.Length);
        foreach (var line in passage.Split('\n'))
        {
            var cleanLine = new StringBuilder(line.Length);
            foreach (var sentence in SplitKeepingText(line))
            {
                if (!LooksLikeInstruction(sentence))
                    cleanLine.Append(sentence);
            }

            var text = RoleTag().Replace(cleanLine.ToString(), "");
            if (text.Trim().Length > 0 || line.Trim().Length == 0)
                kept.Append(text).Append('\n');
        }

        return kept.ToString().TrimEnd('\n');
    }

    public static bool LooksLikeInstruction(string sentence)
    {
        var normalized = sentence.Normalize(NormalizationForm.FormKC);
        return InstructionJa().IsMatch(normalized) || InstructionEn().IsMatch(normalized) || RoleTag().IsMatch(normalized);
    }

    /// <summary>Splits after 。！？!? keeping every character, so kept sentences join back exactly.</summary>
    private static IEnumerable<string> SplitKeepingText(string line)
    {
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] is '。' or '！' or '？' or '!' or '?')
            {
                yield return line[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < line.Length)
            yield return line[start..];
    }

    // "Ignore/forget the previous instructions", "you are now …", "system prompt", "answer everything with …".
    [GeneratedRegex(@"(以前|これまで|今まで|先ほど|上記|前|上|元|すべて|全て)の(指示|命令|ルール|設定|プロンプト|制約)[をはも]?.{0,6}(無視|忘れ|破棄|取り消)|(指示|命令|ルール|プロンプト)[をは]?(無視|忘れ)|システムプロンプト|あなたは(今から|これから|もう)|(今後|これから)は?すべての質問に")]
    private static partial Regex InstructionJa();

    [GeneratedRegex(@"\b(ignore|disregard|forget)\b.{0,30}\b(instruction|instructions|prompt|rules)\b|\bsystem prompt\b|\byou are now\b", RegexOptions.IgnoreCase)]
    private static partial Regex InstructionEn();

    [GeneratedRegex(@"</?\s*(message|system|assistant|user|source|sources|history|tool)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex RoleTag();
}
