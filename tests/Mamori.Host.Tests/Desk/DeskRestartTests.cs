using System.Net;
using Mamori.Core.Dialogs;
using Mamori.Desk.Cases;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests.Desk;

/// <summary>A restart with a case open loses nothing the desk holds: the case, its state, its chat and its route.</summary>
public sealed class DeskRestartTests : IDisposable
{
    private readonly DataFolder _data = new("desk-restart");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task After_a_restart_the_desk_finds_the_case_and_its_chat_and_is_told_when_the_web_chat_is_gone()
    {
        var settings = new Dictionary<string, string?> { ["Mamori:Desk:SqlitePath"] = _data.File("desk.db") };
        string caseId;
        using (var before = new DeskHost(settings, scripted: false))
        {
            await before.AddStaffAsync("default", "sato", "佐藤 花子");
            var desk = await before.SignedInAsync("default", "sato");
            (await desk.GetAsync("desk")).Dispose();
            var owner = await DeskOwner.StartAsync(before.Factory, "default");
            await owner.SayAsync("担当者と話したい");
            await owner.SayAsync("再起動の前に書いたことです");
            var opened = (await before.Store.FindOpenCaseAsync(new ConversationKey("default", owner.Client.ConversationId), default))!;
            await DeskActions.ActAsync(before, desk, opened, "take");
            caseId = opened.Id;
        }

        using var after = new DeskHost(settings, scripted: false);
        var again = await after.SignedInAsync("default", "sato");
        var kept = (await after.Store.GetCaseAsync("default", caseId, default))!;
        Assert.Equal(CaseState.Taken, kept.State);
        Assert.StartsWith("directline:", kept.Route, StringComparison.Ordinal);
        var chat = await DeskActions.MessagesAsync(again, kept, after: 0);
        Assert.Contains(chat, m => (string?)m!["text"] == "再起動の前に書いたことです");

        // The web chat's store was not kept (another data folder): the message is kept, and the console says it did not reach the owner.
        var sent = await DeskActions.ActAsync(after, again, kept, "send", ("text", "お待たせしました。"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.EndsWith("done=undelivered#chat", sent.Headers.Location!.OriginalString);
        string sheet = await (await again.GetAsync(sent.Headers.Location.OriginalString.TrimStart('/'))).Content.ReadAsStringAsync();
        Assert.Contains("<p class=\"desk-notice desk-problem\" role=\"status\">記録しましたが、お客さまのチャットに届けられませんでした", sheet);
        Assert.Contains(await DeskActions.MessagesAsync(again, kept, after: 0), m => (string?)m!["text"] == "お待たせしました。");
    }

    [Fact]
    public async Task After_a_restart_on_the_same_data_the_desks_reply_reaches_the_owners_web_chat()
    {
        var settings = _data.Settings();
        string caseId, conversation, token;
        using (var before = new DeskHost(settings, scripted: false))
        {
            await before.AddStaffAsync("default", "sato", "佐藤 花子");
            var desk = await before.SignedInAsync("default", "sato");
            (await desk.GetAsync("desk")).Dispose();
            var owner = await DeskOwner.StartAsync(before.Factory, "default");
            await owner.SayAsync("担当者と話したい");
            var opened = (await before.Store.FindOpenCaseAsync(new ConversationKey("default", owner.Client.ConversationId), default))!;
            await DeskActions.ActAsync(before, desk, opened, "take");
            (caseId, conversation, token) = (opened.Id, owner.Client.ConversationId, owner.Client.Token);
        }

        using var after = new DeskHost(settings, scripted: false);
        var again = await after.SignedInAsync("default", "sato");
        var kept = (await after.Store.GetCaseAsync("default", caseId, default))!;
        var sent = await DeskActions.ActAsync(after, again, kept, "send", ("text", "再起動のあとでも届きます。"));
        Assert.EndsWith("done=sent#chat", sent.Headers.Location!.OriginalString);

        // The owner's Web Chat reconnects with the token it kept and reads the adviser's words.
        var client = new DirectLineClient(after.Factory.NewClient());
        client.Resume(conversation, token);
        var activities = await client.WaitForAsync(a => DirectLineClient.BotMessages(a).Any(m => ((string?)m["text"] ?? "").Contains("再起動のあとでも届きます。")));
        Assert.Contains(DirectLineClient.BotMessages(activities), m => ((string?)m["text"] ?? "").Contains("再起動のあとでも届きます。"));
    }
}
