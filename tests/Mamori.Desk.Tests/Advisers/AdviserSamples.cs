using Mamori.Core.Diagnosis;
using Mamori.Core.Domain;
using Mamori.Desk.Advisers;

namespace Mamori.Desk.Tests.Advisers;

/// <summary>A company and a run as an adviser would enter them, for the advisers' contract tests.</summary>
internal static class AdviserSamples
{
    public static readonly DateTimeOffset ConsentedAt = new(2026, 3, 31, 1, 0, 0, TimeSpan.Zero);

    public static NewCompany Company(string tenant, string name = "山田製作所", string staff = "staff-1") =>
        new(tenant, name, "山田 太郎", "毎月第2火曜に訪問", ConsentedAt, staff);

    public static NewDiagnosis Run(string tenant, string companyId, string budget = "unknown", Stage? barrier = Stage.Awareness, int? step = 2) =>
        new(tenant, companyId, AnswerSet.Empty.With("industry", "manufacturing").With("inv_budget", budget, "年10万円くらい"),
            "いちばんの壁は「経営者の認識」です。", barrier, step, "staff-1");
}
