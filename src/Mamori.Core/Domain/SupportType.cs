namespace Mamori.Core.Domain;

/// <summary>The four kinds of support measure (domain.md §3): 知識・財務・人的・技術.</summary>
public enum SupportType
{
    Knowledge,
    Financial,
    Human,
    Technical,
}
