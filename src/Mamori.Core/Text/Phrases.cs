namespace Mamori.Core.Text;

/// <summary>
/// Where words occur in a text, and whether an occurrence lies inside a longer phrase that means something else
/// (「クライアント」 holds くらい, 「かなり」 holds かな, 「LINE公式アカウント」 holds アカウント). Shared by the reading of replies
/// and the question gate's scope words, which both keep such "not" lists as data.
/// </summary>
public static class Phrases
{
    /// <summary>Each place <paramref name="word"/> starts in <paramref name="text"/>, overlapping ones included.</summary>
    public static IEnumerable<int> Occurrences(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
            yield return at;
    }

    /// <summary>Whether one of <paramref name="phrases"/> occurs around the span [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static bool IsInside(string text, int start, int end, IEnumerable<string> phrases)
    {
        foreach (var phrase in phrases)
        {
            if (phrase.Length < end - start)
                continue;
            // A covering phrase starts no later than the span and no earlier than its end minus the phrase's length.
            for (var at = text.IndexOf(phrase, Math.Max(0, end - phrase.Length), StringComparison.Ordinal); at >= 0 && at <= start;
                 at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
            {
                if (at + phrase.Length >= end)
                    return true;
            }
        }
        return false;
    }
}
