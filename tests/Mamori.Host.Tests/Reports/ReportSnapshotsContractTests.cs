using Mamori.Core.Dialogs;
using Mamori.Core.Messages;
using Mamori.Host.Reports;
using Mamori.Host.Storage.Postgres;
using Mamori.Tests.Postgres;

namespace Mamori.Host.Tests.Reports;

/// <summary>One contract for every report store: what the report page and the retention rely on.</summary>
public sealed class ReportSnapshotsContractTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mamori-reports-").FullName;
    private readonly List<IDisposable> _opened = [];
    private readonly InstancesOnOneDatabase _postgres = new(PostgresReportSnapshots.Migrations);

    public static TheoryData<string> Stores => ["sqlite"];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _opened.ForEach(store => store.Dispose());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        await _postgres.DisposeAsync();
    }

    /// <summary>
    /// A store on the test's one file or database: a second call is another instance on the same data (in PostgreSQL
    /// with a data source of its own, as a second host has).
    /// </summary>
    private async Task<IReportSnapshots> OpenAsync(string kind, int maxReports)
    {
        if (kind == "sqlite")
        {
            var store = new SqliteReportSnapshots(Path.Combine(_folder, "reports.db"), maxReports);
            _opened.Add(store);
            return store;
        }
        var host = await _postgres.HostAsync();
        return new PostgresReportSnapshots(host, maxReports);
    }

    private static ReportSnapshot Snapshot(string conversation, int minute, string title = "診断結果：予算の段階で止まっています") => new(
        new ConversationKey("chamber", conversation),
        new ReplyCard(title, [new CardSection("おすすめの支援", [new CardItem("SECURITY ACTION", "まず★一つ星の宣言から", "https://www.ipa.go.jp/security/security-action/")])]),
        new ReplyImage("段階の図", "<svg/>", [1, 2, 3]), "http://127.0.0.1/media/abc",
        new DateTimeOffset(2026, 12, 5, 9, minute, 0, TimeSpan.Zero));

    [Theory, MemberData(nameof(Stores)), PostgresData]
    public async Task A_saved_report_reads_back_whole_from_another_instance_on_the_same_data(string kind)
    {
        await (await OpenAsync(kind, 100)).SaveAsync(Snapshot("c1", 0), CancellationToken.None);
        var other = await OpenAsync(kind, 100);
        var found = (await other.FindAsync("c1", CancellationToken.None))!;
        Assert.Equal("chamber", found.Conversation.TenantId);
        Assert.Equal("診断結果：予算の段階で止まっています", found.Card.Title);
        Assert.Equal("まず★一つ星の宣言から", found.Card.Sections[0].Items[0].Text);
        Assert.Equal([1, 2, 3], found.Image!.Png);
        Assert.Equal("http://127.0.0.1/media/abc", found.ImageUrl);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero), found.CreatedAt);
        Assert.Null(await other.FindAsync("c2", CancellationToken.None));
    }

    [Theory, MemberData(nameof(Stores)), PostgresData]
    public async Task A_report_without_a_picture_reads_back_without_one(string kind)
    {
        var store = await OpenAsync(kind, 100);
        await store.SaveAsync(Snapshot("c1", 0) with { Image = null, ImageUrl = null }, CancellationToken.None);
        var found = (await store.FindAsync("c1", CancellationToken.None))!;
        Assert.Null(found.Image);
        Assert.Null(found.ImageUrl);
    }

    [Theory, MemberData(nameof(Stores)), PostgresData]
    public async Task A_new_result_replaces_the_conversations_report_and_the_oldest_go_beyond_the_limit(string kind)
    {
        var store = await OpenAsync(kind, 3);
        await store.SaveAsync(Snapshot("c1", 0), CancellationToken.None);
        await store.SaveAsync(Snapshot("c1", 1, "診断結果：人材の段階で止まっています"), CancellationToken.None);
        for (var i = 2; i <= 4; i++)
            await store.SaveAsync(Snapshot($"c{i}", i), CancellationToken.None);

        Assert.Null(await store.FindAsync("c1", CancellationToken.None));
        foreach (var c in new[] { "c2", "c3", "c4" })
            Assert.NotNull(await store.FindAsync(c, CancellationToken.None));
        await store.SaveAsync(Snapshot("c2", 5, "診断結果：人材の段階で止まっています"), CancellationToken.None);
        Assert.Equal("診断結果：人材の段階で止まっています", (await store.FindAsync("c2", CancellationToken.None))!.Card.Title);
    }

    [Theory, MemberData(nameof(Stores)), PostgresData]
    public async Task Forgetting_and_the_retention_sweep_delete_reports(string kind)
    {
        var store = await OpenAsync(kind, 100);
        await store.SaveAsync(Snapshot("c1", 0), CancellationToken.None);
        await store.SaveAsync(Snapshot("c2", 10), CancellationToken.None);
        await store.SaveAsync(Snapshot("c3", 20), CancellationToken.None);
        await store.ForgetAsync("c3", CancellationToken.None);
        Assert.Null(await store.FindAsync("c3", CancellationToken.None));
        Assert.Equal(1, await store.DeleteBeforeAsync(new DateTimeOffset(2026, 12, 5, 9, 5, 0, TimeSpan.Zero), CancellationToken.None));
        Assert.Null(await store.FindAsync("c1", CancellationToken.None));
        Assert.NotNull(await store.FindAsync("c2", CancellationToken.None));
    }
}
