using Mamori.Core.Diagnosis;
using Mamori.Core.Domain;

namespace Mamori.Desk.Advisers;

/// <summary>
/// One diagnosis run for a company: the answers as given, and the conclusions as they were that day, so a later run can
/// be compared with it even after the rules change.
/// </summary>
/// <param name="Answers">The codes of the questions that applied; a question left out by the script's rules is absent.</param>
/// <param name="Headline">The result in one sentence as the bot words it for a returning owner (report.yaml), kept as it read that day.</param>
/// <param name="MaturityStep">Null when too many answers were 「わからない」 to judge.</param>
/// <param name="RanBy">The staff id of the desk member who ran it.</param>
public sealed record CompanyDiagnosis(
    string Id,
    string TenantId,
    string CompanyId,
    AnswerSet Answers,
    string Headline,
    Stage? PrimaryBarrier,
    int? MaturityStep,
    string RanBy,
    DateTimeOffset RanAt);

/// <summary>What the store needs to keep a run; it gives the id and the time.</summary>
public sealed record NewDiagnosis(string TenantId, string CompanyId, AnswerSet Answers, string Headline, Stage? PrimaryBarrier, int? MaturityStep, string RanBy);
