using System.Text;
using Mamori.Core.Evidence;
using Mamori.Storage.Postgres;
using Mamori.Storage.Postgres.Evidence;
using Mamori.Tests.Postgres;
using Npgsql;

namespace Mamori.Core.Tests.Evidence;

/// <summary>Two host instances on one database, each with its own store and connection pool, as issue 11 runs them.</summary>
public sealed class PostgresEvidenceStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly EvidenceFilter Kyoto = new(["kyoto-cci"]);
    private readonly EvidenceKeys _keys = new(Encoding.UTF8.GetBytes("a-test-salt-that-is-long-enough-000000"));

    [PostgresFact]
    public async Task What_one_instance_writes_or_deletes_the_other_counts_at_its_next_count()
    {
        await using var database = await MigratedAsync();
        await using var other = NpgsqlDataSource.Create(database.ConnectionString);
        using var one = new PostgresEvidenceStore(database.DataSource);
        using var two = new PostgresEvidenceStore(other);

        await one.AddDiagnosisAsync(Diagnosis("U1", "c1"), default);
        Assert.Equal((1, 1), await DiagnosedAsync(two));   // two's first count loads it

        // A new diagnosis, and a follow-up of a diagnosis two already holds: both are read as newer than what it has.
        await one.AddDiagnosisAsync(Diagnosis("U2", "c2"), default);
        Assert.True(await one.AddFollowUpAsync(new EvidenceFollowUp("kyoto-cci", _keys.Conversation("kyoto-cci", "c1"), At, FollowUpKind.ReportOpened), default));
        Assert.Equal((2, 2), await DiagnosedAsync(two));
        Assert.Contains(await two.CountAsync(Breakdown.Outcomes, Kyoto, default), c => c.Row == "report_opened" && c.Count == 1);

        // Two counts, then one forgets a company: two reads everything again.
        Assert.Equal((2, 2), await DiagnosedAsync(one));
        Assert.Equal(1, await two.DeleteCompanyAsync("kyoto-cci", _keys.Company("kyoto-cci", "U1"), default));
        Assert.Equal((1, 1), await DiagnosedAsync(one));
        Assert.DoesNotContain(await one.CountAsync(Breakdown.Outcomes, Kyoto, default), c => c.Row == "report_opened");

        // After the deletion, writes are appended again, and retention's deletion is seen the same way.
        await two.AddDiagnosisAsync(Diagnosis("U3", "c3", At.AddDays(40)), default);
        Assert.Equal((2, 2), await DiagnosedAsync(one));
        Assert.Equal(1, await two.DeleteBeforeAsync(At.AddDays(1), default));
        Assert.Equal((1, 1), await DiagnosedAsync(one));
        Assert.Equal((1, 1), await DiagnosedAsync(two));
    }

    [PostgresFact]
    public async Task Concurrent_diagnoses_of_one_company_on_two_instances_are_numbered_one_to_n()
    {
        await using var database = await MigratedAsync();
        await using var other = NpgsqlDataSource.Create(database.ConnectionString);
        using var one = new PostgresEvidenceStore(database.DataSource);
        using var two = new PostgresEvidenceStore(other);
        const int each = 25;

        var writes = Enumerable.Range(0, 2 * each).Select(i => Task.Run(() => (i % 2 == 0 ? one : two).AddDiagnosisAsync(Diagnosis("U1", "c" + i), default)));
        int[] numbers = await Task.WhenAll(writes);

        Assert.Equal(Enumerable.Range(1, 2 * each), numbers.Order());
        var outcomes = await two.CountAsync(Breakdown.Outcomes, Kyoto, default);
        Assert.Equal(new EvidenceCell("repeat", "", 1, 2 * each - 1), outcomes[1]);
    }

    private static async Task<TestDatabase> MigratedAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await SchemaMigrator.ApplyAsync(database.DataSource, PostgresEvidenceStore.Migrations, default);
        return database;
    }

    private EvidenceDiagnosis Diagnosis(string user, string conversation, DateTimeOffset? at = null) => new(
        "kyoto-cci", _keys.Company("kyoto-cci", user), _keys.Conversation("kyoto-cci", conversation), at ?? At,
        new DiagnosisFacts(new Segment("retail", "6-20", "kyoto", "high", "personal", "requested"), ["awareness"], "awareness", 2, false,
            [new RecommendedMeasure("security-action", "awareness", "knowledge")]));

    /// <returns>Companies and diagnoses counted in Kyoto.</returns>
    private static async Task<(int Companies, int Diagnoses)> DiagnosedAsync(IEvidenceStore store)
    {
        var diagnosed = (await store.CountAsync(Breakdown.Outcomes, Kyoto, default))[0];
        return (diagnosed.Companies, diagnosed.Count);
    }
}
