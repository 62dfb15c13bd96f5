using System.Text;
using Mamori.Core.Evidence;
using Mamori.Storage.Postgres;
using Mamori.Storage.Postgres.Evidence;
using Mamori.Tests.Postgres;

namespace Mamori.Core.Tests.Evidence;

/// <summary>What the dashboard relies on, run against each store; the PostgreSQL leg gets a fresh database per test, migrated.</summary>
public sealed class EvidenceStoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 3, 0, 0, TimeSpan.Zero);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"mamori-evidence-{Guid.NewGuid():N}.db");
    private readonly EvidenceKeys _keys = new(Encoding.UTF8.GetBytes("a-test-salt-that-is-long-enough-000000"));
    private readonly List<IDisposable> _stores = [];
    private TestDatabase? _database;

    private async Task<IEvidenceStore> CreateAsync(string kind)
    {
        if (kind == "sqlite")
            return Kept(new SqliteEvidenceStore(_path));
        _database = await TestDatabase.CreateAsync();
        await SchemaMigrator.ApplyAsync(_database.DataSource, PostgresEvidenceStore.Migrations, default);
        return Kept(new PostgresEvidenceStore(_database.DataSource));
    }

    private T Kept<T>(T store) where T : IDisposable
    {
        _stores.Add(store);
        return store;
    }

    private static DiagnosisFacts Facts(string barrier = "awareness") => new(
        new Segment("retail", "6-20", "kyoto", "high", "personal", "no"), [barrier, "talent"], barrier, 1, true,
        [new RecommendedMeasure("security-action", barrier, "knowledge")]);

    private EvidenceDiagnosis Diagnosis(string user, string conversation, DateTimeOffset at, string barrier = "awareness") =>
        new("kyoto-cci", _keys.Company("kyoto-cci", user), _keys.Conversation("kyoto-cci", conversation), at, Facts(barrier));

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task A_returning_company_is_counted_once_and_its_repeat_is_known(string kind)
    {
        var store = await CreateAsync(kind);
        Assert.Equal(1, await store.AddDiagnosisAsync(Diagnosis("U1", "c1", Now), default));
        Assert.Equal(2, await store.AddDiagnosisAsync(Diagnosis("U1", "c2", Now, "talent"), default));
        await store.AddDiagnosisAsync(Diagnosis("U2", "c3", Now), default);

        var outcomes = await store.CountAsync(Breakdown.Outcomes, new EvidenceFilter(["kyoto-cci"]), default);
        Assert.Equal(new EvidenceCell("diagnosed", "", 2, 3), outcomes.Single(c => c.Row == "diagnosed"));
        Assert.Equal(1, outcomes.Single(c => c.Row == "repeat").Companies);
        Assert.Empty(await store.CountAsync(Breakdown.Steps, new EvidenceFilter(["another-cci"]), default));
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task What_followed_is_attached_to_the_conversations_latest_diagnosis(string kind)
    {
        var store = await CreateAsync(kind);
        await store.AddDiagnosisAsync(Diagnosis("U1", "c1", Now), default);

        Assert.True(await store.AddFollowUpAsync(new EvidenceFollowUp("kyoto-cci", _keys.Conversation("kyoto-cci", "c1"), Now, FollowUpKind.Rated, Value: 4), default));
        Assert.False(await store.AddFollowUpAsync(new EvidenceFollowUp("kyoto-cci", _keys.Conversation("kyoto-cci", "never"), Now, FollowUpKind.ReportOpened), default));

        var rated = (await store.CountAsync(Breakdown.Outcomes, new EvidenceFilter(["kyoto-cci"]), default)).Single(c => c.Row == "rated");
        Assert.Equal((1, 4L), (rated.Companies, rated.Sum));
    }

    [Theory, InlineData("sqlite"), PostgresData]
    public async Task Old_diagnoses_and_a_forgotten_owner_are_deleted_with_what_followed(string kind)
    {
        var store = await CreateAsync(kind);
        await store.AddDiagnosisAsync(Diagnosis("U1", "c1", Now.AddYears(-4)), default);
        await store.AddFollowUpAsync(new EvidenceFollowUp("kyoto-cci", _keys.Conversation("kyoto-cci", "c1"), Now, FollowUpKind.ReportOpened), default);
        await store.AddDiagnosisAsync(Diagnosis("U2", "c2", Now), default);
        await store.AddDiagnosisAsync(Diagnosis("U3", "c3", Now), default);

        Assert.Equal(1, await store.DeleteBeforeAsync(Now.AddYears(-3), default));
        Assert.Equal(1, await store.DeleteCompanyAsync("kyoto-cci", _keys.Company("kyoto-cci", "U2"), default));

        var outcomes = await store.CountAsync(Breakdown.Outcomes, new EvidenceFilter(["kyoto-cci"]), default);
        Assert.Equal(1, outcomes.Single(c => c.Row == "diagnosed").Companies);
        Assert.DoesNotContain(outcomes, c => c.Row == "report_opened");
    }

    [Fact]
    public async Task The_file_holds_no_channel_user_id_or_conversation_id()
    {
        using (var store = new SqliteEvidenceStore(_path))
            await store.AddDiagnosisAsync(Diagnosis("line-U4af4980629", "conv-7f3a", Now), default);

        string bytes = Encoding.UTF8.GetString(File.ReadAllBytes(_path)) + (File.Exists(_path + "-wal") ? Encoding.UTF8.GetString(File.ReadAllBytes(_path + "-wal")) : "");
        Assert.DoesNotContain("line-U4af4980629", bytes);
        Assert.DoesNotContain("conv-7f3a", bytes);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
            store.Dispose();
        if (_database is not null)
            await _database.DisposeAsync();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
            File.Delete(file);
    }
}
