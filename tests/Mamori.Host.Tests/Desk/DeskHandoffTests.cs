using System.Text.RegularExpressions;
using Mamori.Core.Dialogs;
using Mamori.Desk.Audit;
using Mamori.Desk.Cases;
using Mamori.Desk.Storage;
using Mamori.Host.Tests.Channels.BotFramework;
using Mamori.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Host.Tests.Desk;

/// <summary>
/// 「担当者と話したい」 midway through a diagnosis, through Teams with the real engine: where the chamber's desk can be
/// reached, the request becomes a case with the company's answers and the chat so far, and the owner is told the
/// 受付番号 and how to reach the desk; where it cannot, no case is opened and the bot says where else to ask.
/// </summary>
public sealed partial class DeskHandoffTests : IClassFixture<DeskHandoffTests.Hosts>
{
    private readonly Hosts _hosts;

    public DeskHandoffTests(Hosts hosts) => _hosts = hosts;

    public sealed class Hosts : IDisposable
    {
        public HostFactory WithDesk { get; } = new(scripted: false, new Dictionary<string, string?>
        {
            ["BotFramework:MamoriTenant"] = "chamber",
            ["Tenants:chamber:SupportDesk:Phone"] = "03-1234-5678",
        });

        public HostFactory WithoutDesk { get; } = new(scripted: false, new Dictionary<string, string?> { ["BotFramework:MamoriTenant"] = "chamber" });

        public void Dispose()
        {
            WithDesk.Dispose();
            WithoutDesk.Dispose();
        }
    }

    [Fact]
    public async Task Asking_for_a_person_midway_opens_one_case_with_the_answers_and_tells_the_owner_how_to_reach_the_desk()
    {
        string conversation = "a:desk-" + Guid.NewGuid().ToString("N");
        var user = new TeamsUser(_hosts.WithDesk.NewClient(), conversation);
        var replies = await user.PressAsync("診断を始める");
        for (int i = 0; i < 20 && TeamsUser.QuestionNumber(replies) < 4; i++)
            replies = await user.PressAsync(TeamsUser.Buttons(replies)[0]);
        int question = TeamsUser.QuestionNumber(replies);

        var told = await user.SayAsync("担当者と話したい");

        string text = string.Join("\n", TeamsUser.Texts(told));
        var reference = ReferencePattern().Match(text);
        Assert.True(reference.Success, text);
        Assert.Contains("テスト商工会議所 経営相談窓口（電話 03-1234-5678）にご連絡いただき、受付番号をお伝えください", text, StringComparison.Ordinal);
        Assert.Contains("このチャットに担当者からのお返事は届きません", text, StringComparison.Ordinal);

        var store = _hosts.WithDesk.Services.GetRequiredService<IDeskStore>();
        var opened = await store.FindOpenCaseAsync(new ConversationKey("chamber", "msteams:" + conversation), CancellationToken.None);
        Assert.NotNull(opened);
        Assert.Equal(CaseState.Waiting, opened.State);
        Assert.Equal("msteams", opened.Channel);
        Assert.Equal("担当者と話したい", opened.Reason);
        Assert.Equal(reference.Groups[1].Value, CaseReference.Of(opened.Id));
        Assert.Equal(question - 1, opened.Snapshot.Answers.Count);   // every question answered before the one asked now
        Assert.All(opened.Snapshot.Answers, a => Assert.False(string.IsNullOrWhiteSpace(a.Topic)));
        Assert.Null(opened.Snapshot.Diagnosis);   // asked midway: no result yet
        Assert.Contains((await store.ReadAuditAsync("chamber", 50, CancellationToken.None)), e => e.Action == AuditAction.Opened && e.CaseId == opened.Id);

        // Asking again names the same case; the diagnosis goes on where it was.
        var again = await user.SayAsync("担当者と話したい");
        Assert.Contains(TeamsUser.Texts(again), t => t.Contains($"ご相談はすでに受け付けています。受付番号は「{reference.Groups[1].Value}」", StringComparison.Ordinal));
        var resumed = await user.SayAsync("続きから");
        Assert.Equal(question, TeamsUser.QuestionNumber(resumed));
    }

    [Fact]
    public async Task Without_a_way_to_reach_the_desk_no_case_is_opened_and_the_bot_names_other_places_to_ask()
    {
        string conversation = "a:nodesk-" + Guid.NewGuid().ToString("N");
        var user = new TeamsUser(_hosts.WithoutDesk.NewClient(), conversation);
        await user.PressAsync("診断を始める");

        var told = await user.SayAsync("担当者と話したい");

        Assert.Contains(TeamsUser.Texts(told), t => t.Contains("よろず支援拠点", StringComparison.Ordinal));
        Assert.DoesNotContain(TeamsUser.Texts(told), t => t.Contains("受付番号", StringComparison.Ordinal));
        var store = _hosts.WithoutDesk.Services.GetRequiredService<IDeskStore>();
        Assert.Null(await store.FindOpenCaseAsync(new ConversationKey("chamber", "msteams:" + conversation), CancellationToken.None));
    }

    [GeneratedRegex("受付番号は「(\\d{3}-\\d{3})」")]
    private static partial Regex ReferencePattern();
}
