namespace Mamori.Core.Domain;

/// <summary>The stages of the adoption path, in order (domain.md §1). The earliest blocked one is the primary barrier.</summary>
public enum Stage
{
    Motivation = 0,
    Awareness = 1,
    Investment = 2,
    Talent = 3,
    Measures = 4,
}
