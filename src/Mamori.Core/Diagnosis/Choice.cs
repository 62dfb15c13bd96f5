namespace Mamori.Core.Diagnosis;

/// <summary>One answer option: its contract code (docs/diagnosis.md), its button label, and the words that also mean it.</summary>
/// <param name="Min">For count and amount questions: the smallest number in this band (inclusive).</param>
/// <param name="Max">For count and amount questions: the largest number in this band (inclusive); null = no upper limit.</param>
/// <param name="Dominant">Wins when its words appear together with another choice's (「一部」 in 「一部はやってる」).</param>
public sealed record Choice(
    string Code,
    string Label,
    IReadOnlyList<string> Synonyms,
    decimal? Min = null,
    decimal? Max = null,
    bool Dominant = false)
{
    public const string UnknownCode = "unknown";

    internal bool Contains(decimal value) => Min is { } min && value >= min && (Max is not { } max || value <= max);
}
