namespace Mamori.Knowledge.Analysis;

/// <summary>
/// Turns Japanese (and mixed Latin) text into index terms: normalized, then CJK runs become bigrams (+ unigrams,
/// + whole katakana words) and Latin/digit runs become lower-case words. No dictionary, so compound security terms
/// (多要素認証, 脆弱性診断) never fall between word boundaries. Thread-safe and allocation-light.
/// </summary>
public sealed class JapaneseAnalyzer(AnalyzerOptions options)
{
    public static JapaneseAnalyzer Default { get; } = new(AnalyzerOptions.Default);

    public AnalyzerOptions Options { get; } = options;

    public string Version => Options.Version;

    public List<string> Analyze(string text)
    {
        var terms = new List<string>();
        AnalyzeNormalized(JapaneseNormalizer.Normalize(text), terms);
        return terms;
    }

    /// <summary>Appends the terms of already-normalized text.</summary>
    public void AnalyzeNormalized(string normalized, List<string> terms)
    {
        int i = 0;
        while (i < normalized.Length)
        {
            var kind = Classify(normalized[i]);
            int start = i;
            if (kind == CharKind.Other)
            {
                i++;
                continue;
            }
            if (kind == CharKind.Latin)
            {
                while (i < normalized.Length && Classify(normalized[i]) == CharKind.Latin)
                    i++;
                terms.Add(normalized[start..i]);
                continue;
            }
            while (i < normalized.Length && IsCjk(Classify(normalized[i])))
                i++;
            EmitCjkRun(normalized.AsSpan(start, i - start), terms);
        }
    }

    private void EmitCjkRun(ReadOnlySpan<char> run, List<string> terms)
    {
        for (int j = 0; j < run.Length; j++)
        {
            var kind = Classify(run[j]);
            if (Options.Unigrams && (kind != CharKind.Hiragana || Options.HiraganaUnigrams) && run[j] != 'ー')
                terms.Add(run[j].ToString());
            if (Options.Bigrams && j + 1 < run.Length && (Options.CrossScriptBigrams || Classify(run[j + 1]) == kind))
                terms.Add(run.Slice(j, 2).ToString());
        }
        // A lone character in its own script segment still needs a term when bigrams are script-bound.
        if (Options.Bigrams && !Options.Unigrams && run.Length == 1)
            terms.Add(run.ToString());
        if (Options.KatakanaWords)
            EmitKatakanaWords(run, terms);
    }

    private static void EmitKatakanaWords(ReadOnlySpan<char> run, List<string> terms)
    {
        int j = 0;
        while (j < run.Length)
        {
            if (Classify(run[j]) != CharKind.Katakana)
            {
                j++;
                continue;
            }
            int start = j;
            while (j < run.Length && Classify(run[j]) == CharKind.Katakana)
                j++;
            if (j - start >= 3)
                terms.Add("k:" + run[start..j].ToString());
        }
    }

    private static bool IsCjk(CharKind kind) => kind is CharKind.Han or CharKind.Hiragana or CharKind.Katakana;

    internal static CharKind Classify(char c) => c switch
    {
        >= 'a' and <= 'z' or >= '0' and <= '9' => CharKind.Latin,
        >= '\u3041' and <= '\u309F' => CharKind.Hiragana,
        _ when JapaneseNormalizer.IsKatakana(c) => CharKind.Katakana,
        >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or '々' or '〆' => CharKind.Han,
        _ when char.IsLetter(c) => CharKind.Latin,   // other alphabets (é, ß) behave like words
        _ => CharKind.Other,
    };

    internal enum CharKind { Other, Latin, Hiragana, Katakana, Han }
}
