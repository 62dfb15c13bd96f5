using System.Net;
using Mamori.Core.Conversations;
using Mamori.Core.Dialogs;
using Mamori.Core.Storage;
using Mamori.Host.Privacy;
using Mamori.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Mamori.Host.Tests.Privacy;

/// <summary>The privacy page says, in the tenant's name, what the settings enforce; and the retention really deletes.</summary>
public sealed class PrivacyTests : IClassFixture<PrivacyTests.Host>
{
    private readonly Host _host;

    public PrivacyTests(Host host) => _host = host;

    public sealed class Host : IDisposable
    {
        public HostFactory Factory { get; } = new(settings: new Dictionary<string, string?>
        {
            ["Privacy:StateRetention"] = "00:00:01",
            ["Tenants:chamber:SupportDesk:Phone"] = "03-1234-5678",
        });

        public void Dispose() => Factory.Dispose();
    }

    [Fact]
    public async Task The_page_states_what_is_kept_for_how_long_and_whom_to_ask_in_the_chambers_name()
    {
        using var response = await _host.Factory.NewClient().GetAsync("privacy?tenant=chamber");
        string html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<p class=\"report-tenant\">テスト商工会議所</p>", html, StringComparison.Ordinal);
        Assert.Contains("最後のご利用から0日たつと自動で削除します", html, StringComparison.Ordinal);   // the one-second test setting
        Assert.Contains("最後の発言から6時間で消えます", html, StringComparison.Ordinal);
        Assert.Contains("リンクは24時間で使えなくなります", html, StringComparison.Ordinal);
        Assert.Contains("アカウントをブロックすると、お答え、診断結果、報告書をすぐに削除します", html, StringComparison.Ordinal);
        Assert.Contains("外部の生成AIのサービスに送ることはありません", html, StringComparison.Ordinal);
        Assert.Contains("「担当者と話したい」と送ると、それまでのお答えと診断結果、このチャットでのやりとりがテスト商工会議所の相談窓口に届きます。", html, StringComparison.Ordinal);
        Assert.Contains("ご相談が終わると消去します", html, StringComparison.Ordinal);
        Assert.Contains("テスト商工会議所（テスト商工会議所 経営相談窓口）までお寄せください：電話 03-1234-5678", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_support_desk_the_page_does_not_invent_one_and_unknown_tenants_have_none()
    {
        var http = _host.Factory.NewClient();
        string html = await http.GetStringAsync("privacy");
        Assert.Contains("このサイトを運営している方にお寄せください", html, StringComparison.Ordinal);
        Assert.DoesNotContain("相談窓口に届き", html, StringComparison.Ordinal);   // no desk to reach: no case, nothing passed on

        using var unknown = await http.GetAsync("privacy?tenant=no-such-chamber");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_chat_page_links_to_the_tenants_privacy_page()
    {
        string html = await _host.Factory.NewClient().GetStringAsync("?tenant=chamber");
        Assert.Contains("href=\"/privacy?tenant=chamber\"", html, StringComparison.Ordinal);
        Assert.Contains(">個人情報の取り扱い</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_unused_for_longer_than_its_retention_is_deleted_by_the_sweep_and_state_saved_since_is_kept()
    {
        // The host's one clock, moved by hand: the store stamps its saves with it and the sweep takes its cut-off from it.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero));
        using var factory = new HostFactory(settings: new Dictionary<string, string?> { ["Privacy:StateRetention"] = "30.00:00:00" },
            services: s => s.AddSingleton<TimeProvider>(clock));
        var store = factory.Services.GetRequiredService<IConversationStore>();
        var retention = factory.Services.GetServices<IHostedService>().OfType<StateRetention>().Single();
        var left = new ConversationKey("chamber", "left");
        var user = new UserKey("chamber", "left");
        var later = new ConversationKey("chamber", "later");
        Assert.True(await store.TrySaveConversationAsync(left, ConversationState.New(), 0, CancellationToken.None));
        Assert.True(await store.TrySaveUserAsync(user, new UserState { DiagnosesCompleted = 1 }, 0, CancellationToken.None));

        clock.Advance(TimeSpan.FromDays(20));
        Assert.True(await store.TrySaveConversationAsync(later, ConversationState.New(), 0, CancellationToken.None));
        await retention.SweepAsync(CancellationToken.None);
        Assert.NotNull(await store.LoadConversationAsync(left, CancellationToken.None));   // 20 days: within the 30

        clock.Advance(TimeSpan.FromDays(11));   // 31 days after the first saves, 11 after the later one
        await retention.SweepAsync(CancellationToken.None);
        Assert.Null(await store.LoadConversationAsync(left, CancellationToken.None));
        Assert.Null(await store.LoadUserAsync(user, CancellationToken.None));
        Assert.NotNull(await store.LoadConversationAsync(later, CancellationToken.None));
    }
}
