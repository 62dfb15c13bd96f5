using Mamori.Core.Domain;

namespace Mamori.Core.Measures;

/// <summary>One support programme or resource from knowledge/measures/*.yaml (schema: docs/data-formats.md).</summary>
public sealed record Measure
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Provider { get; init; }
    public required SupportType SupportType { get; init; }

    /// <summary>The stages it helps remove, in the file's order.</summary>
    public required IReadOnlyList<Stage> Barriers { get; init; }

    /// <summary>Maturity steps 1–4 it suits.</summary>
    public required IReadOnlyList<int> Steps { get; init; }

    public required Eligibility Eligibility { get; init; }

    /// <summary>
    /// Industry codes for which the entry matters most (a duty or guideline of that trade): ranked first for them without
    /// closing it to others, unlike <see cref="Eligibility.Industries"/>.
    /// </summary>
    public IReadOnlyList<string> EspeciallyFor { get; init; } = [];

    /// <summary>
    /// The national entry this local one stands in for (the prefecture's own よろず支援拠点 for the national list): where
    /// the local one applies, the national one is not recommended beside it.
    /// </summary>
    public string? InsteadOf { get; init; }
    public bool ItBundle { get; init; }
    public required string Cost { get; init; }
    public required string Summary { get; init; }
    public required string HowToStart { get; init; }
    public required string NextStep { get; init; }
    public required string Url { get; init; }
    public required IReadOnlyList<string> Sources { get; init; }
    public required DateOnly Reviewed { get; init; }
    public DateOnly? ValidUntil { get; init; }

    /// <summary>
    /// The official page where an owner finds the latest terms, shown as 「最新の内容は{Page}でご確認ください」.
    /// Used where a fact may change or could not be confirmed, so the owner is pointed to the source instead of told a guess.
    /// </summary>
    public LatestPage? Latest { get; init; }

    /// <summary>For reviewers and advisers only, never shown to the owner: what is unconfirmed and what to check.</summary>
    public string? Caution { get; init; }

    /// <summary>The entry's time-bound facts (a round, a fee table, a statistic), each with the date it was true on.</summary>
    public IReadOnlyList<TimeBoundFact> AsOf { get; init; } = [];

    /// <summary>The file it came from, for error messages and the stale-entry report.</summary>
    public required string SourceFile { get; init; }

    /// <summary>Past its deadline: never recommended.</summary>
    public bool IsExpired(DateOnly today) => ValidUntil is { } until && until < today;

    /// <summary>Not reviewed for a year: still used, but flagged for the Catalog owner.</summary>
    public bool IsStale(DateOnly today) => Reviewed.AddYears(1) < today;

    /// <summary>Offered only in some prefectures (not national).</summary>
    public bool IsLocal => Eligibility.Regions.Count > 0 && !Eligibility.Regions.Contains(Eligibility.National);
}

/// <summary>
/// One fact that holds at a point in time (「2026年3月時点の案内では、締切は順に公表」), dated to the precision the source
/// gives: a year, a month or a day. <see cref="Date"/> is the first day of that period.
/// </summary>
public sealed record TimeBoundFact(string Fact, DateOnly Date, DatePrecision Precision)
{
    /// <summary>How an owner reads the date: 「2026年3月時点」, 「2025年時点」.</summary>
    public string Label => Precision switch
    {
        DatePrecision.Year => $"{Date.Year}年時点",
        DatePrecision.Month => $"{Date.Year}年{Date.Month}月時点",
        _ => $"{Date.Year}年{Date.Month}月{Date.Day}日時点",
    };

    /// <summary>Older than <paramref name="months"/> months on <paramref name="today"/>, counted from the end of its period.</summary>
    public bool IsOlderThan(int months, DateOnly today)
    {
        var end = Precision switch
        {
            DatePrecision.Year => Date.AddYears(1).AddDays(-1),
            DatePrecision.Month => Date.AddMonths(1).AddDays(-1),
            _ => Date,
        };
        return end.AddMonths(months) < today;
    }
}

public enum DatePrecision { Year, Month, Day }

/// <summary>An official page named in plain Japanese (「東京都中小企業振興公社の助成金のページ」) and its own URL.</summary>
public sealed record LatestPage(string Page, string Url);

/// <summary>Who may use a measure. An empty list means no restriction on that dimension.</summary>
public sealed record Eligibility(
    IReadOnlyList<string> Employees,
    IReadOnlyList<string> Industries,
    IReadOnlyList<string> Regions,
    string? Note)
{
    public const string National = "national";

    public static readonly Eligibility Anyone = new([], [], [], null);

    /// <summary>
    /// Lists every size band of a small or medium company (all but the largest): then a company that did not say its size
    /// may still use it. Set by the loader from the diagnosis's own bands.
    /// </summary>
    public bool OpenToAnySmeSize { get; init; }

    /// <summary>
    /// True when a company with these codes may use it. An unknown size passes measures open to every SME size, an unknown
    /// industry only measures for every industry;
    /// an unknown prefecture passes only national ones (we never send someone to another prefecture's programme).
    /// </summary>
    public bool Admits(string? employees, string? industry, string? prefecture) =>
        (Employees.Count == 0 || (employees is null ? OpenToAnySmeSize : Employees.Contains(employees))) &&
        (Industries.Count == 0 || (industry is not null && Industries.Contains(industry))) &&
        (Regions.Count == 0 || Regions.Contains(National) || (prefecture is not null && Regions.Contains(prefecture)));
}
