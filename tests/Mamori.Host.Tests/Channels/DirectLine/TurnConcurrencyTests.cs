using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests.Channels.DirectLine;

/// <summary>
/// Channels:Turns:MaxConcurrentTurns bounds the bot's CPU work, not its waiting: an owner whose question waits on
/// a slow model call must not hold up another owner's answer, even with a single slot.
/// </summary>
public sealed class TurnConcurrencyTests
{
    [Fact]
    public async Task A_slow_answer_in_one_conversation_does_not_hold_up_another_with_one_slot()
    {
        using var host = new HostFactory(scripted: true, new Dictionary<string, string?>
        {
            ["Channels:Turns:MaxConcurrentTurns"] = "1",
        });
        var slow = await DirectLineClient.StartAsync(host);
        var quick = await DirectLineClient.StartAsync(host);
        await slow.WaitForAsync(a => DirectLineClient.BotMessages(a).Any());
        await quick.WaitForAsync(a => DirectLineClient.BotMessages(a).Any());

        var slowId = await slow.PostAsync("遅い");                // the scripted bot awaits 1.5 s before answering
        var quickId = await quick.PostAsync("はい");

        await quick.WaitForAsync(a => a.Any(x => (string?)x!["replyToId"] == quickId), TimeSpan.FromSeconds(1));
        var slowSoFar = await slow.ActivitiesAsync();
        Assert.DoesNotContain(slowSoFar, x => (string?)x!["replyToId"] == slowId && (string?)x["type"] == "message");
        await slow.WaitForAsync(a => a.Any(x => (string?)x!["replyToId"] == slowId && (string?)x["type"] == "message"));
    }
}
