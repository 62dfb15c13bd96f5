namespace Mamori.Core.Domain;

/// <summary>The contract codes of design.md: lower-case words on the wire, in JSON and in YAML.</summary>
public static class DomainCodes
{
    public static string Code(this Stage stage) => stage switch
    {
        Stage.Motivation => "motivation",
        Stage.Awareness => "awareness",
        Stage.Investment => "investment",
        Stage.Talent => "talent",
        Stage.Measures => "measures",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown stage."),
    };

    public static string Code(this SupportType type) => type switch
    {
        SupportType.Knowledge => "knowledge",
        SupportType.Financial => "financial",
        SupportType.Human => "human",
        SupportType.Technical => "technical",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown support type."),
    };

    public static bool TryParseStage(string? code, out Stage stage)
    {
        foreach (var candidate in Enum.GetValues<Stage>())
        {
            if (string.Equals(candidate.Code(), code, StringComparison.Ordinal))
            {
                stage = candidate;
                return true;
            }
        }
        stage = default;
        return false;
    }

    public static bool TryParseSupportType(string? code, out SupportType type)
    {
        foreach (var candidate in Enum.GetValues<SupportType>())
        {
            if (string.Equals(candidate.Code(), code, StringComparison.Ordinal))
            {
                type = candidate;
                return true;
            }
        }
        type = default;
        return false;
    }
}
