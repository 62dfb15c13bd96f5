using Mamori.Core.Dialogs;
using Mamori.Core.Messages;
using Mamori.Host.Reports;

namespace Mamori.Host.Tests.Reports;

public sealed class ReportSnapshotsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mamori-reports-").FullName;
    private string File => Path.Combine(_folder, "reports.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static ReportSnapshot Snapshot(string conversation, int minute, string title = "診断結果：予算の段階で止まっています") => new(
        new ConversationKey("chamber", conversation),
        new ReplyCard(title, [new CardSection("おすすめの支援", [new CardItem("SECURITY ACTION", "まず★一つ星の宣言から", "https://www.ipa.go.jp/security/security-action/")])]),
        new ReplyImage("段階の図", "<svg/>", [1, 2, 3]), "http://127.0.0.1/media/abc",
        new DateTimeOffset(2026, 12, 5, 9, minute, 0, TimeSpan.Zero));

    [Fact]
    public void A_saved_report_reads_back_whole_from_a_new_instance_on_the_same_file()
    {
        using (var store = new ReportSnapshots(File, 100))
            store.Save(Snapshot("c1", 0));
        using var reopened = new ReportSnapshots(File, 100);
        var found = reopened.Find("c1")!;
        Assert.Equal("chamber", found.Conversation.TenantId);
        Assert.Equal("診断結果：予算の段階で止まっています", found.Card.Title);
        Assert.Equal("まず★一つ星の宣言から", found.Card.Sections[0].Items[0].Text);
        Assert.Equal([1, 2, 3], found.Image!.Png);
        Assert.Equal("http://127.0.0.1/media/abc", found.ImageUrl);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero), found.CreatedAt);
    }

    [Fact]
    public void A_new_result_replaces_the_conversations_report_and_the_oldest_go_beyond_the_limit()
    {
        using var store = new ReportSnapshots(File, 3);
        store.Save(Snapshot("c1", 0));
        store.Save(Snapshot("c1", 1, "診断結果：人材の段階で止まっています"));
        for (var i = 2; i <= 4; i++)
            store.Save(Snapshot($"c{i}", i));

        Assert.Null(store.Find("c1"));
        Assert.All(new[] { "c2", "c3", "c4" }, c => Assert.NotNull(store.Find(c)));
        store.Save(Snapshot("c2", 5, "診断結果：人材の段階で止まっています"));
        Assert.Equal("診断結果：人材の段階で止まっています", store.Find("c2")!.Card.Title);
    }

    [Fact]
    public void Forgetting_and_the_retention_sweep_delete_reports()
    {
        using var store = new ReportSnapshots(File, 100);
        store.Save(Snapshot("c1", 0));
        store.Save(Snapshot("c2", 10));
        store.Save(Snapshot("c3", 20));
        store.Forget("c3");
        Assert.Null(store.Find("c3"));
        Assert.Equal(1, store.DeleteBefore(new DateTimeOffset(2026, 12, 5, 9, 5, 0, TimeSpan.Zero)));
        Assert.Null(store.Find("c1"));
        Assert.NotNull(store.Find("c2"));
    }
}
