using System.Globalization;
using System.Text;
using Mamori.Core.Evidence;
using Mamori.Storage.Postgres;
using Mamori.Storage.Postgres.Evidence;
using Mamori.Tests.Postgres;
using Microsoft.Data.Sqlite;

namespace Mamori.Core.Tests.Evidence;

/// <summary>
/// The store counts in memory (EvidenceCube); these tests hold every breakdown, under every kind of filter, to what a
/// GROUP BY over the store's own file gives — after the first load, after writes appended to the loaded evidence, after
/// deletions, and after a restart; and the PostgreSQL store, given the same evidence, to the SQLite store's counts.
/// </summary>
public sealed class EvidenceCountingTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Stages = ["motivation", "awareness", "investment", "talent", "measures"];
    private static readonly string[] Industries = ["retail", "manufacturing", "food_service", "construction"];
    private static readonly string[] Sizes = ["1-5", "6-20", "21-50"];
    private static readonly string[] Prefectures = ["kyoto", "osaka", "shiga"];
    private static readonly string[] Levels = ["high", "medium", "low"];
    private static readonly string[] Data = ["personal", "confidential", "both", "little"];
    private static readonly string[] Chain = ["requested", "expected", "no", "unknown"];
    private static readonly string[] Measures = ["security-action", "otasuketai", "self-check-25", "it-coordinator", "yorozu"];
    private static readonly string[] SupportTypes = ["knowledge", "financial", "human", "technical"];

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"mamori-evidence-{Guid.NewGuid():N}.db");
    private readonly EvidenceKeys _keys = new(Encoding.UTF8.GetBytes("a-test-salt-that-is-long-enough-000000"));

    private static readonly EvidenceFilter[] Filters =
    [
        new(["kyoto-cci"]),
        new(["kyoto-cci", "osaka-cci"]),
        new(["osaka-cci"], new DateOnly(2026, 2, 1), new DateOnly(2026, 6, 1)),
        new(["kyoto-cci"], From: new DateOnly(2026, 5, 1)),
        new(["kyoto-cci", "osaka-cci"], To: new DateOnly(2026, 1, 1), Segment: new Dictionary<string, string> { ["industry"] = "retail" }),
        new(["kyoto-cci"], Segment: new Dictionary<string, string> { ["employees"] = "6-20", ["data_held"] = "personal" }),
        new(["nobody"]),
    ];

    [Fact]
    public async Task Every_breakdown_under_every_filter_equals_a_group_by_over_the_file()
    {
        var random = new Random(7);
        using (var store = new SqliteEvidenceStore(_path))
        {
            await WriteAsync(store, random, diagnoses: 600, from: 0);
            await AssertSameAsSqlAsync(store, "after the first load");

            await WriteAsync(store, random, diagnoses: 400, from: 600);   // appended to the loaded evidence
            await AssertSameAsSqlAsync(store, "after appending");

            Assert.True(await store.DeleteBeforeAsync(Start.AddMonths(3), default) > 0);
            await store.DeleteCompanyAsync("kyoto-cci", _keys.Company("kyoto-cci", "U3"), default);
            await AssertSameAsSqlAsync(store, "after deleting");
        }
        using (var reopened = new SqliteEvidenceStore(_path))
            await AssertSameAsSqlAsync(reopened, "after a restart");
    }

    [PostgresFact]
    public async Task The_postgres_store_counts_what_the_sqlite_store_counts_of_the_same_evidence()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SchemaMigrator.ApplyAsync(database.DataSource, PostgresEvidenceStore.Migrations, default);
        // The same seed writes the same evidence to each.
        var (sqliteRandom, postgresRandom) = (new Random(11), new Random(11));
        using var sqlite = new SqliteEvidenceStore(_path);
        using (var postgres = new PostgresEvidenceStore(database.DataSource))
        {
            await WriteAsync(sqlite, sqliteRandom, diagnoses: 500, from: 0);
            await WriteAsync(postgres, postgresRandom, diagnoses: 500, from: 0);
            await AssertSameAsSqlAsync(sqlite, "after the first load");
            await AssertSameCountsAsync(sqlite, postgres, "after the first load");

            await WriteAsync(sqlite, sqliteRandom, diagnoses: 300, from: 500);
            await WriteAsync(postgres, postgresRandom, diagnoses: 300, from: 500);
            await AssertSameCountsAsync(sqlite, postgres, "after appending");

            foreach (var store in new IEvidenceStore[] { sqlite, postgres })
            {
                Assert.True(await store.DeleteBeforeAsync(Start.AddMonths(3), default) > 0);
                await store.DeleteCompanyAsync("kyoto-cci", _keys.Company("kyoto-cci", "U3"), default);
            }
            await AssertSameAsSqlAsync(sqlite, "after deleting");
            await AssertSameCountsAsync(sqlite, postgres, "after deleting");
        }
        using var restarted = new PostgresEvidenceStore(database.DataSource);
        await AssertSameCountsAsync(sqlite, restarted, "after a restart");
        Assert.True((await restarted.CountAsync(Breakdown.Outcomes, Filters[0], default))[0].Count > 0);
    }

    [Fact]
    public async Task An_unknown_segment_question_is_refused()
    {
        using var store = new SqliteEvidenceStore(_path);
        var filter = new EvidenceFilter(["kyoto-cci"], Segment: new Dictionary<string, string> { ["name"] = "x" });
        await Assert.ThrowsAsync<ArgumentException>(() => store.CountAsync(Breakdown.Steps, filter, default));
    }

    private async Task WriteAsync(IEvidenceStore store, Random random, int diagnoses, int from)
    {
        for (int i = from; i < from + diagnoses; i++)
        {
            string tenant = random.Next(3) == 0 ? "osaka-cci" : "kyoto-cci";
            string user = "U" + random.Next(300);   // about a third come back
            string conversation = "c" + i;
            var blocked = Stages.Where(_ => random.Next(3) == 0).ToList();
            string barrier = blocked.Count > 0 ? blocked[0] : random.Next(4) == 0 ? DiagnosisFacts.Undetermined : DiagnosisFacts.NoBarrier;
            var measures = Enumerable.Range(0, random.Next(5))
                .Select(_ => new RecommendedMeasure(Pick(random, Measures), blocked.Count > 0 ? Pick(random, blocked.ToArray()) : "measures", Pick(random, SupportTypes)))
                .ToList();
            var facts = new DiagnosisFacts(
                new Segment(Pick(random, Industries), Pick(random, Sizes), Pick(random, Prefectures), Pick(random, Levels), Pick(random, Data), Pick(random, Chain)),
                blocked, barrier, random.Next(1, 5), random.Next(2) == 0, measures);
            var at = Start.AddHours(random.Next(24 * 400));
            await store.AddDiagnosisAsync(new EvidenceDiagnosis(tenant, _keys.Company(tenant, user), _keys.Conversation(tenant, conversation), at, facts), default);

            string hashed = _keys.Conversation(tenant, conversation);
            if (random.Next(2) == 0)
                await store.AddFollowUpAsync(new EvidenceFollowUp(tenant, hashed, at, FollowUpKind.ReportOpened), default);
            foreach (var m in measures.Where(_ => random.Next(3) == 0))
                await store.AddFollowUpAsync(new EvidenceFollowUp(tenant, hashed, at, FollowUpKind.MeasureOpened, m.MeasureId), default);
            if (random.Next(5) == 0)
            {
                await store.AddFollowUpAsync(new EvidenceFollowUp(tenant, hashed, at, FollowUpKind.CaseOpened), default);
                await store.AddFollowUpAsync(new EvidenceFollowUp(tenant, hashed, at, FollowUpKind.CaseClosed, random.Next(2) == 0 ? "resolved" : "unanswered"), default);
                await store.AddFollowUpAsync(new EvidenceFollowUp(tenant, hashed, at, FollowUpKind.Rated, Value: random.Next(1, 6)), default);
            }
        }
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private async Task AssertSameAsSqlAsync(SqliteEvidenceStore store, string when)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        foreach (var filter in Filters)
        {
            foreach (var breakdown in EvidenceDashboard.Breakdowns)
            {
                var counted = await store.CountAsync(breakdown, filter, default);
                var expected = GroupBy(connection, breakdown, filter);
                Assert.True(expected.SequenceEqual(counted), $"{breakdown} {when}, tenants {string.Join("+", filter.Tenants)} {filter.From}..{filter.To}: " +
                    $"expected {string.Join(" ", expected)}, counted {string.Join(" ", counted)}");
            }
        }
    }

    private static async Task AssertSameCountsAsync(IEvidenceStore expectedStore, IEvidenceStore store, string when)
    {
        foreach (var filter in Filters)
        {
            foreach (var breakdown in EvidenceDashboard.Breakdowns)
            {
                var expected = await expectedStore.CountAsync(breakdown, filter, default);
                var counted = await store.CountAsync(breakdown, filter, default);
                Assert.True(expected.SequenceEqual(counted), $"{breakdown} {when}, tenants {string.Join("+", filter.Tenants)} {filter.From}..{filter.To}: " +
                    $"expected {string.Join(" ", expected)}, counted {string.Join(" ", counted)}");
            }
        }
    }

    /// <summary>The reference: what the store counted with SQL before it counted in memory.</summary>
    private static List<EvidenceCell> GroupBy(SqliteConnection connection, Breakdown breakdown, EvidenceFilter filter)
    {
        using var command = connection.CreateCommand();
        var clauses = new List<string> { $"d.tenant IN ({string.Join(", ", filter.Tenants.Select((_, i) => "$t" + i))})" };
        for (int i = 0; i < filter.Tenants.Count; i++)
            command.Parameters.AddWithValue("$t" + i, filter.Tenants[i]);
        if (filter.From is { } from)
        {
            clauses.Add("d.month >= $from");
            command.Parameters.AddWithValue("$from", from.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        }
        if (filter.To is { } to)
        {
            clauses.Add("d.month <= $to");
            command.Parameters.AddWithValue("$to", to.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        }
        foreach (var (question, code) in filter.Segment ?? new Dictionary<string, string>())
        {
            string column = question == "employees" ? "size" : question;
            clauses.Add($"d.{column} = $seg_{column}");
            command.Parameters.AddWithValue("$seg_" + column, code);
        }
        string where = string.Join(" AND ", clauses);
        string Barrier(string column) =>
            $"SELECT d.primary_barrier, d.{column}, COUNT(DISTINCT d.company), COUNT(*), 0 FROM evidence_diagnosis d WHERE {where} GROUP BY 1, 2";
        command.CommandText = breakdown switch
        {
            Breakdown.BarrierByIndustry => Barrier("industry"),
            Breakdown.BarrierBySize => Barrier("size"),
            Breakdown.BarrierByPrefecture => Barrier("prefecture"),
            Breakdown.BarrierByItDependence => Barrier("it_dependence"),
            Breakdown.BarrierByDataHeld => Barrier("data_held"),
            Breakdown.BarrierBySupplyChain => Barrier("supply_chain"),
            Breakdown.BlockedStages =>
                $"SELECT b.stage, '', COUNT(DISTINCT d.company), COUNT(*), 0 FROM evidence_blocked b JOIN evidence_diagnosis d ON d.id = b.diagnosis WHERE {where} GROUP BY 1",
            Breakdown.BarrierBySupportType =>
                $"SELECT m.barrier, m.support_type, COUNT(DISTINCT d.company), COUNT(*), 0 FROM evidence_measure m JOIN evidence_diagnosis d ON d.id = m.diagnosis WHERE {where} GROUP BY 1, 2",
            Breakdown.Steps => $"SELECT CAST(d.step AS TEXT), '', COUNT(DISTINCT d.company), COUNT(*), 0 FROM evidence_diagnosis d WHERE {where} GROUP BY 1",
            Breakdown.WorryingPattern =>
                $"SELECT CAST(d.worrying AS TEXT), d.it_dependence, COUNT(DISTINCT d.company), COUNT(*), 0 FROM evidence_diagnosis d WHERE {where} GROUP BY 1, 2",
            Breakdown.Months => $"SELECT d.month, d.primary_barrier, COUNT(DISTINCT d.company), COUNT(*), 0 FROM evidence_diagnosis d WHERE {where} GROUP BY 1, 2",
            Breakdown.Measures =>
                $"SELECT m.measure_id, 'recommended', COUNT(DISTINCT d.company), COUNT(*), 0 FROM evidence_measure m JOIN evidence_diagnosis d ON d.id = m.diagnosis WHERE {where} GROUP BY 1 " +
                $"UNION ALL SELECT f.detail, 'opened', COUNT(DISTINCT d.company), COUNT(*), 0 FROM evidence_followup f JOIN evidence_diagnosis d ON d.id = f.diagnosis WHERE f.kind = 'measure_opened' AND {where} GROUP BY 1",
            Breakdown.Outcomes =>
                $"SELECT 'diagnosed', '', COUNT(DISTINCT d.company), COUNT(*), 0 FROM evidence_diagnosis d WHERE {where} " +
                $"UNION ALL SELECT 'repeat', '', COUNT(DISTINCT d.company), COUNT(*), 0 FROM evidence_diagnosis d WHERE d.nth > 1 AND {where} " +
                $"UNION ALL SELECT f.kind, CASE f.kind WHEN 'case_closed' THEN f.detail ELSE '' END, COUNT(DISTINCT d.company), COUNT(*), SUM(f.value) " +
                $"FROM evidence_followup f JOIN evidence_diagnosis d ON d.id = f.diagnosis WHERE {where} GROUP BY 1, 2",
            _ => throw new ArgumentOutOfRangeException(nameof(breakdown)),
        };
        using var reader = command.ExecuteReader();
        var cells = new List<EvidenceCell>();
        while (reader.Read())
            cells.Add(new EvidenceCell(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.IsDBNull(4) ? 0 : reader.GetInt64(4)));
        return cells;
    }

    public void Dispose()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
            File.Delete(file);
    }
}
