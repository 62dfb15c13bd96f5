namespace Mamori.Core.Evidence;

/// <summary>
/// The anonymised record of diagnoses and what followed them. Writes carry only codes and salted hashes
/// (<see cref="EvidenceKeys"/>); reads are counts per cell, never rows, so no caller can list a company's answers.
/// </summary>
public interface IEvidenceStore
{
    /// <summary>Stores a completed diagnosis; returns which diagnosis of this company it was (1 = the first).</summary>
    Task<int> AddDiagnosisAsync(EvidenceDiagnosis diagnosis, CancellationToken cancellationToken);

    /// <summary>Attaches what followed to the latest diagnosis of that conversation; false when there is none.</summary>
    Task<bool> AddFollowUpAsync(EvidenceFollowUp followUp, CancellationToken cancellationToken);

    /// <summary>Counts companies (distinct hashes) and events per cell of one breakdown.</summary>
    Task<IReadOnlyList<EvidenceCell>> CountAsync(Breakdown breakdown, EvidenceFilter filter, CancellationToken cancellationToken);

    /// <summary>Deletes diagnoses (and what followed them) recorded before the cutoff; returns how many.</summary>
    Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Deletes everything recorded for one company of one tenant (an owner's request to be forgotten).</summary>
    Task<int> DeleteCompanyAsync(string tenantId, string company, CancellationToken cancellationToken);
}

/// <param name="Company">The salted per-tenant hash of the owner's channel user id: counts returning companies, names none.</param>
/// <param name="Conversation">The salted hash of the conversation id, so a report opened or a case later can be attached.</param>
public sealed record EvidenceDiagnosis(string TenantId, string Company, string Conversation, DateTimeOffset At, DiagnosisFacts Facts);

/// <param name="Detail">A code only: a measure id, a case outcome.</param>
/// <param name="Value">The 1–5 rating for <see cref="FollowUpKind.Rated"/>.</param>
public sealed record EvidenceFollowUp(string TenantId, string Conversation, DateTimeOffset At, FollowUpKind Kind, string Detail = "", int Value = 0);

public enum FollowUpKind
{
    ReportOpened,
    MeasureOpened,
    CaseOpened,
    CaseClosed,
    Rated,
}

public static class FollowUpKinds
{
    /// <summary>The code a follow-up is stored and counted under, the same in every store.</summary>
    public static string Code(this FollowUpKind kind) => kind switch
    {
        FollowUpKind.ReportOpened => "report_opened",
        FollowUpKind.MeasureOpened => "measure_opened",
        FollowUpKind.CaseOpened => "case_opened",
        FollowUpKind.CaseClosed => "case_closed",
        FollowUpKind.Rated => "rated",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown follow-up kind."),
    };
}

/// <param name="Tenants">Whose diagnoses: never empty (a staff member's own tenant, or a supervisor's tenants).</param>
/// <param name="From">First month counted (Japan time), inclusive; null: from the start.</param>
/// <param name="To">Last month counted, inclusive; null: up to now.</param>
/// <param name="Segment">Only diagnoses whose profile has these codes (question id → code).</param>
public sealed record EvidenceFilter(IReadOnlyList<string> Tenants, DateOnly? From = null, DateOnly? To = null, IReadOnlyDictionary<string, string>? Segment = null);

/// <summary>What a breakdown counts: rows × columns of codes.</summary>
public enum Breakdown
{
    /// <summary>Primary barrier × the segment's code.</summary>
    BarrierByIndustry,
    BarrierBySize,
    BarrierByPrefecture,
    BarrierByItDependence,
    BarrierByDataHeld,
    BarrierBySupplyChain,
    /// <summary>Each blocked stage (a diagnosis counts in every stage it blocks).</summary>
    BlockedStages,
    /// <summary>The barrier a measure was recommended for × its support type.</summary>
    BarrierBySupportType,
    Steps,
    /// <summary>Worrying pattern (1/0) × IT dependence.</summary>
    WorryingPattern,
    /// <summary>Month (yyyy-MM, Japan time) × primary barrier.</summary>
    Months,
    /// <summary>Measure id × recommended / opened.</summary>
    Measures,
    /// <summary>diagnosed, repeat, and each follow-up kind; <see cref="EvidenceCell.Sum"/> adds up ratings.</summary>
    Outcomes,
}

/// <param name="Companies">Distinct companies in the cell: what k-anonymity counts.</param>
/// <param name="Count">Events in the cell (diagnoses, recommendations, follow-ups).</param>
/// <param name="Sum">The sum of the events' values (ratings), for an average.</param>
public sealed record EvidenceCell(string Row, string Column, int Companies, int Count, long Sum = 0);
