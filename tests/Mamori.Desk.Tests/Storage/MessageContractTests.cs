using Mamori.Desk.Cases;
using Mamori.Tests.Postgres;
using static Mamori.Desk.Tests.Storage.DeskStores;

namespace Mamori.Desk.Tests.Storage;

/// <summary>The case chat: numbered 1, 2, 3… per case by the store, so a console that reconnects loses and doubles nothing.</summary>
public sealed class MessageContractTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly DeskStores _stores = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _stores.DisposeAsync().AsTask();

    [Theory, MemberData(nameof(Kinds), MemberType = typeof(DeskStores)), PostgresData]
    public async Task Messages_are_numbered_per_case_and_read_back_after_a_sequence(string kind)
    {
        var store = await _stores.CreateAsync(kind);
        var sato = await AddStaffAsync(store, "tenant-a", "sato");
        var first = (await store.OpenCaseAsync(Request("tenant-a", "c1"), None)).Case.Id;
        var second = (await store.OpenCaseAsync(Request("tenant-a", "c2"), None)).Case.Id;

        var hello = (await store.AppendMessageAsync("tenant-a", first, MessageSender.System, null, "担当者が対応します", None))!;
        await store.AppendMessageAsync("tenant-a", second, MessageSender.Owner, null, "別の会社です", None);
        var reply = (await store.AppendMessageAsync("tenant-a", first, MessageSender.Staff, sato.Id, "佐藤です。ご用件をどうぞ", None))!;
        _stores.Clock.Advance(TimeSpan.FromSeconds(5));
        var owner = (await store.AppendMessageAsync("tenant-a", first, MessageSender.Owner, null, "補助金の申請を手伝ってほしい", None))!;

        Assert.Equal([1L, 2L, 3L], new[] { hello, reply, owner }.Select(m => m.Sequence));
        Assert.Equal(new CaseMessage(first, 2, MessageSender.Staff, sato.Id, "佐藤です。ご用件をどうぞ", _stores.Clock.GetUtcNow().AddSeconds(-5)), reply);
        Assert.Equal([hello, reply, owner], await store.ReadMessagesAsync("tenant-a", first, 0, 100, None));
        Assert.Equal([owner], await store.ReadMessagesAsync("tenant-a", first, 2, 100, None));   // a console that showed up to 2
        Assert.Equal([hello, reply], await store.ReadMessagesAsync("tenant-a", first, 0, 2, None));
        Assert.Empty(await store.ReadMessagesAsync("tenant-a", first, 3, 100, None));
        Assert.Equal(1, Assert.Single(await store.ReadMessagesAsync("tenant-a", second, 0, 100, None)).Sequence);
    }

    [Theory, MemberData(nameof(Kinds), MemberType = typeof(DeskStores)), PostgresData]
    public async Task Parallel_senders_get_every_number_once_and_a_reader_polling_after_its_last_sees_each_message_once(string kind)
    {
        var store = await _stores.CreateAsync(kind);
        var id = (await store.OpenCaseAsync(Request("tenant-a", "c1"), None)).Case.Id;
        const int count = 200;

        var seen = new List<CaseMessage>();
        var writers = Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() =>
            store.AppendMessageAsync("tenant-a", id, MessageSender.Owner, null, $"メッセージ{i}", None))));
        // A writer that failed ends the polling, so the test fails with its error rather than waiting for a message that never comes.
        while (!writers.IsCompleted || (writers.IsCompletedSuccessfully && seen.Count < count))
        {
            // What a reconnecting console does: ask for what came after the last number it has.
            seen.AddRange(await store.ReadMessagesAsync("tenant-a", id, seen.Count == 0 ? 0 : seen[^1].Sequence, 7, None));
            if (!writers.IsCompleted)
                await Task.Yield();
        }
        var written = await writers;

        Assert.Equal(Enumerable.Range(1, count).Select(n => (long)n), written.Select(m => m!.Sequence).Order());
        Assert.Equal(Enumerable.Range(1, count).Select(n => (long)n), seen.Select(m => m.Sequence));
        Assert.Equal(written.Select(m => m!.Text).Order(), seen.Select(m => m.Text).Order());
    }

    [Theory, MemberData(nameof(Kinds), MemberType = typeof(DeskStores)), PostgresData]
    public async Task Another_tenant_can_neither_write_to_nor_read_a_case_chat(string kind)
    {
        var store = await _stores.CreateAsync(kind);
        var id = (await store.OpenCaseAsync(Request("tenant-b", "c1"), None)).Case.Id;
        await store.AppendMessageAsync("tenant-b", id, MessageSender.Owner, null, "秘密の相談", None);

        Assert.Null(await store.AppendMessageAsync("tenant-a", id, MessageSender.Owner, null, "割り込み", None));
        Assert.Null(await store.AppendMessageAsync("tenant-a", "no-such-case", MessageSender.Owner, null, "こんにちは", None));
        Assert.Empty(await store.ReadMessagesAsync("tenant-a", id, 0, 100, None));
        Assert.Equal(["秘密の相談"], (await store.ReadMessagesAsync("tenant-b", id, 0, 100, None)).Select(m => m.Text));
    }

    [Theory, MemberData(nameof(Kinds), MemberType = typeof(DeskStores)), PostgresData]
    public async Task A_staff_message_names_its_writer_and_no_other_does(string kind)
    {
        var store = await _stores.CreateAsync(kind);
        var id = (await store.OpenCaseAsync(Request("tenant-a", "c1"), None)).Case.Id;

        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendMessageAsync("tenant-a", id, MessageSender.Staff, null, "誰？", None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendMessageAsync("tenant-a", id, MessageSender.Owner, "s1", "誰？", None));
        Assert.Empty(await store.ReadMessagesAsync("tenant-a", id, 0, 100, None));
    }
}
