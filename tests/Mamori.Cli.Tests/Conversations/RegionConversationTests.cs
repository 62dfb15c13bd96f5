using Mamori.Core.Dialogs;

namespace Mamori.Cli.Tests.Conversations;

/// <summary>
/// A chamber's widget carries its region: an owner who doesn't give their prefecture still sees the chamber's local
/// programmes, while an owner who names their own prefecture is never overridden.
/// </summary>
public sealed class RegionConversationTests : IDisposable
{
    private const string TokyoSubsidy = "東京都 サイバーセキュリティ対策促進助成金";
    private readonly RealBot _bot = new();

    [Fact]
    public async Task An_owner_who_does_not_know_the_prefecture_gets_the_chambers_local_programmes()
    {
        var report = await DiagnoseAsync("c-region", region: "tokyo", prefectureReply: "わからない");

        Assert.Contains(TokyoSubsidy, report);
    }

    [Fact]
    public async Task Without_a_region_an_unknown_prefecture_gets_national_programmes_only()
    {
        var report = await DiagnoseAsync("c-national", region: null, prefectureReply: "わからない");

        Assert.DoesNotContain(TokyoSubsidy, report);
    }

    [Fact]
    public async Task The_owners_own_prefecture_wins_over_the_chambers_region()
    {
        var report = await DiagnoseAsync("c-osaka", region: "tokyo", prefectureReply: "大阪府");

        Assert.DoesNotContain(TokyoSubsidy, report);
    }

    /// <summary>Answers every question with its first button (the prefecture with <paramref name="prefectureReply"/>)
    /// and returns everything the bot said on the turn that completed the diagnosis, card included.</summary>
    private async Task<string> DiagnoseAsync(string conversationId, string? region, string prefectureReply)
    {
        var key = new ConversationKey("default", conversationId);
        var result = await _bot.Engine.StartAsync(key, "owner", "test", CancellationToken.None, region);
        result = await _bot.Engine.HandleAsync(new IncomingTurn(key, "owner", "診断を始める", "test", region), CancellationToken.None);
        for (var turn = 0; turn < 60; turn++)
        {
            var last = result.Replies[^1];
            var reply = last.Text.Contains("都道府県", StringComparison.Ordinal) ? prefectureReply
                : last.Choices.Count > 0 ? last.Choices[0].Label
                : "わからない";
            result = await _bot.Engine.HandleAsync(new IncomingTurn(key, "owner", reply, "test", region), CancellationToken.None);
            if (result.Replies.Any(r => r.Card is not null))
            {
                return string.Join("\n", result.Replies.Select(r =>
                    r.Text + string.Concat(r.Card?.Sections.SelectMany(s => s.Items).Select(i => "\n" + i.Title) ?? [])));
            }
        }
        throw new InvalidOperationException("The diagnosis did not complete within 60 turns.");
    }

    public void Dispose() => _bot.Dispose();
}
