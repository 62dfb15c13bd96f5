namespace Mamori.Core.Diagnosis;

/// <summary>How free text is read besides the choice words.</summary>
public enum QuestionKind
{
    /// <summary>Only the choices' codes, labels and synonyms.</summary>
    Choice,

    /// <summary>Also a number of people (「12人くらい」「社長と二人」), placed in the choice whose min..max holds it.</summary>
    Count,

    /// <summary>Also an amount of yen per year (「年10万円くらい」「月1万」= 年12万), placed likewise.</summary>
    Amount,
}
