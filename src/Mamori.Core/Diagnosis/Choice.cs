namespace Mamori.Core.Diagnosis;

/// <summary>One answer option: its contract code (docs/diagnosis.md), its button label, and the words that also mean it.</summary>
/// <param name="Min">For count and amount questions: the smallest number in this band (inclusive).</param>
/// <param name="Max">For count and amount questions: the largest number in this band (inclusive); null = no upper limit.</param>
/// <param name="Dominant">Wins when its words appear together with another choice's (「一部」 in 「一部はやってる」).</param>
/// <param name="Combines">Chosen when the words of exactly these choices appear together (「個人情報と図面」 is 両方).</param>
public sealed record Choice(
    string Code,
    string Label,
    IReadOnlyList<string> Synonyms,
    decimal? Min = null,
    decimal? Max = null,
    bool Dominant = false,
    IReadOnlyList<string>? Combines = null)
{
    /// <summary>Everyday names from knowledge/diagnosis/vocabulary/ (trades, towns, kinds of data): matched like synonyms, never with a typo.</summary>
    public IReadOnlyList<string> Vocabulary { get; init; } = [];

    public const string UnknownCode = "unknown";

    internal bool Contains(decimal value) => Min is { } min && value >= min && (Max is not { } max || value <= max);
}
