using System.Net;
using Mamori.Core.Dialogs;
using Mamori.Desk.Cases;

namespace Mamori.Host.Tests.Desk;

/// <summary>A restart with a case open loses nothing the desk holds: the case, its state, its chat and its route.</summary>
public sealed class DeskRestartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mamori-desk-restart-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still open on some platform: the temp folder is cleaned by the system
        }
    }

    [Fact]
    public async Task After_a_restart_the_desk_finds_the_case_and_its_chat_and_is_told_when_the_web_chat_is_gone()
    {
        var settings = new Dictionary<string, string?> { ["Mamori:Desk:SqlitePath"] = Path.Combine(_folder, "desk.db") };
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

        // The web chat lived in the old process: the message is kept, and the console says it did not reach the owner.
        var sent = await DeskActions.ActAsync(after, again, kept, "send", ("text", "お待たせしました。"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.EndsWith("done=undelivered#chat", sent.Headers.Location!.OriginalString);
        string sheet = await (await again.GetAsync(sent.Headers.Location.OriginalString.TrimStart('/'))).Content.ReadAsStringAsync();
        Assert.Contains("<p class=\"desk-notice desk-problem\" role=\"status\">記録しましたが、お客さまのチャットに届けられませんでした", sheet);
        Assert.Contains(await DeskActions.MessagesAsync(again, kept, after: 0), m => (string?)m!["text"] == "お待たせしました。");
    }
}
