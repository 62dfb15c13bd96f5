using System.Net;
using System.Text.Json.Nodes;
using Mamori.Core.Dialogs;
using Mamori.Desk.Cases;
using Mamori.Host.Tests.Channels.BotFramework;
using Mamori.Host.Tests.Channels.Line;
using Mamori.Host.Channels.Line;
using Mamori.Host.Channels.Line.Wire;
using Mamori.Host.Tenants;
using Mamori.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Host.Tests.Desk;

/// <summary>
/// The desk's side of the chat reaches owners on Teams (proactive messages through the loopback Bot Connector) and on
/// LINE (pushes to the loopback LINE API), and their replies reach the desk; blocking the LINE account withdraws the case.
/// </summary>
public sealed class OwnerChannelsTests
{
    [Fact]
    public async Task A_LINE_friend_is_answered_by_push_hands_back_rates_and_blocking_withdraws_a_new_request()
    {
        await using var line = await FakeLineApi.StartAsync();
        using var host = new DeskHost(LineUser.Settings(line), scripted: false);
        await host.AddStaffAsync("chamber", "sato", "佐藤 花子");
        var desk = await host.SignedInAsync("chamber", "sato");
        (await desk.GetAsync("desk")).Dispose();
        var user = new LineUser(host.Factory, line);
        await user.FollowAsync();

        Assert.Contains(LineUser.Texts(await user.SayAsync("担当者と話したい")), t => t.Contains("次にご案内します", StringComparison.Ordinal));
        var tenant = host.Factory.Services.GetRequiredService<TenantCatalog>().Find("chamber")!;
        var conversation = new LineWork(tenant, new LineEvent { Source = new() { Type = "user", UserId = user.UserId } }, DateTimeOffset.UtcNow, new Uri("http://localhost/")).Conversation;
        var opened = (await host.Store.FindOpenCaseAsync(conversation, default))!;
        Assert.Equal("line:" + user.UserId, opened.Route);   // the LINE id, kept only while the case is open
        Assert.Contains("担当者に伝えました", string.Join("", LineUser.Texts(await user.SayAsync("見積もりの相談です"))));

        int before = line.Deliveries.Count;
        await DeskActions.ActAsync(host, desk, opened, "take");
        await DeskActions.ActAsync(host, desk, opened, "send", ("text", "佐藤です。お見積もりの件、承知しました。"));
        var pushed = await WaitForPushesAsync(line, user.UserId, before, 2);
        Assert.All(pushed, p => Assert.Equal("push", p.Kind));
        Assert.Contains(pushed.SelectMany(p => LineUser.Texts(p.Messages)), t => t == "佐藤 花子（テスト商工会議所 経営相談窓口）：\n佐藤です。お見積もりの件、承知しました。");

        before = line.Deliveries.Count;
        await DeskActions.ActAsync(host, desk, opened, "close", ("outcome", "resolved"));
        var rating = (await WaitForPushesAsync(line, user.UserId, before, 1)).SelectMany(p => p.Messages).ToList();
        Assert.Equal(["5 とても満足", "4 満足", "3 ふつう", "2 やや不満", "1 不満", "答えない"], LineUser.QuickReplies(rating));
        Assert.Contains("ご回答ありがとうございました。", LineUser.Texts(await user.SayAsync("４")));
        Assert.Equal(4, (await host.Store.GetCaseAsync("chamber", opened.Id, default))!.Satisfaction);

        await user.SayAsync("担当者と話したい");
        var second = (await host.Store.FindOpenCaseAsync(conversation, default))!;
        await user.UnfollowAsync();
        var withdrawn = await host.Store.GetCaseAsync("chamber", second.Id, default);
        Assert.Equal((CaseState.Cancelled, (string?)null), (withdrawn!.State, withdrawn.Route));
    }

    [Fact]
    public async Task A_teams_owner_gets_the_desks_words_as_proactive_messages_through_the_connector()
    {
        await using var identity = await FakeBotIdentity.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        var settings = ConnectedHost.Settings(identity, connector);
        settings["BotFramework:MamoriTenant"] = "chamber";
        using var host = new DeskHost(settings, scripted: false);
        await host.AddStaffAsync("chamber", "sato", "佐藤 花子");
        var desk = await host.SignedInAsync("chamber", "sato");
        (await desk.GetAsync("desk")).Dispose();
        string conversation = "a:desk" + Guid.NewGuid().ToString("N");
        var user = new TeamsUser(host.Factory.NewClient(), conversation, bearer: identity.MintBotServiceToken(ConnectedHost.AppId, connector.ServiceUrl));

        var waiting = await TurnAsync(connector, user, conversation, "担当者と話したい");
        Assert.Contains(waiting, a => ((string?)a["text"])?.Contains("次にご案内します", StringComparison.Ordinal) == true);
        var opened = (await host.Store.FindOpenCaseAsync(new ConversationKey("chamber", "msteams:" + conversation), default))!;
        Assert.StartsWith("connector:", opened.Route, StringComparison.Ordinal);
        Assert.DoesNotContain("担当者と話したい", opened.Route, StringComparison.Ordinal);   // a reference, not what the owner wrote

        int before = connector.To(conversation).Count;
        await DeskActions.ActAsync(host, desk, opened, "take");
        await DeskActions.ActAsync(host, desk, opened, "send", ("text", "佐藤です。Teams からのご相談ですね。"));
        var posted = await connector.WaitForAsync(conversation, before, m => m.Count(a => (string?)a["type"] == "message") >= 2);
        var texts = posted.Where(a => (string?)a["type"] == "message").Select(a => (string?)a["text"]).ToList();
        Assert.Contains("テスト商工会議所 経営相談窓口の佐藤 花子が担当します。このチャットでお返事しますので、ご相談の内容をお送りください。", texts);
        Assert.Contains("佐藤 花子（テスト商工会議所 経営相談窓口）：\n佐藤です。Teams からのご相談ですね。", texts);
        Assert.All(connector.To(conversation).Skip(before), p => Assert.Equal("Bearer " + FakeConnector.IssuedToken, p.Authorization));

        await user.PostRawAsync(new JsonObject { ["type"] = "message", ["text"] = "よろしくお願いします", ["deliveryMode"] = "normal", ["serviceUrl"] = connector.ServiceUrl });
        var chat = await DeskActions.WaitForMessagesAsync(desk, opened, 3);
        Assert.Equal("よろしくお願いします", (string)chat[^1]!["text"]!);
    }

    private static async Task<IReadOnlyList<JsonObject>> TurnAsync(FakeConnector connector, TeamsUser user, string conversation, string text)
    {
        int before = connector.To(conversation).Count;
        using var response = await user.PostRawAsync(new JsonObject { ["type"] = "message", ["text"] = text, ["deliveryMode"] = "normal", ["serviceUrl"] = connector.ServiceUrl });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await connector.WaitForAsync(conversation, before, m => m.Any(a => (string?)a["type"] == "message"));
    }

    private static async Task<List<LineDelivery>> WaitForPushesAsync(FakeLineApi line, string to, int after, int count)
    {
        for (int i = 0; i < 300; i++)
        {
            var pushes = line.Deliveries.Skip(after).Where(d => d.To == to && d.Kind == "push").ToList();
            if (pushes.Count >= count)
                return pushes;
            await Task.Delay(20);
        }
        throw new TimeoutException($"fewer than {count} pushes to the LINE user: " + string.Join(" | ", line.Deliveries.Skip(after).Select(d => d.Kind)));
    }
}
