namespace Mamori.Core.Diagnosis;

/// <summary>What a reply was understood as. <see cref="Question.Match"/> returns null when it could not be understood.</summary>
/// <param name="Number">For count and amount questions: the number read from the text (yen per year, people), if any.</param>
public sealed record AnswerMatch(string Code, string Label, decimal? Number = null)
{
    public bool IsUnknown => Code == Choice.UnknownCode;
}
