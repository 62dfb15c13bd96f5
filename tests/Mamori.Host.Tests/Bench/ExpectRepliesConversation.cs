using System.Diagnostics;
using System.Text.Json.Nodes;
using Mamori.Host.Tests.Channels.BotFramework;

namespace Mamori.Host.Tests.Bench;

/// <summary>
/// One simulated Teams user on a bot's /api/messages with expectReplies (<see cref="TeamsUser"/>, personal chat): adds
/// the bot, then presses the first button of every question — typing the prefecture when a question has none — until
/// <paramref name="finished"/> says the diagnosis is over. Each turn is timed from POST until the response is read.
/// </summary>
internal sealed class ExpectRepliesConversation(HttpClient http, Func<IReadOnlyList<JsonObject>, bool> finished)
{
    private const int MaxTurns = 60;
    private const string TypedAnswer = "東京都";

    public List<double> TurnMilliseconds { get; } = [];

    /// <summary>How many buttons each reply answered offered (the welcome first): the diagnosis' shape.</summary>
    public List<int> ButtonsOffered { get; } = [];

    public async Task RunAsync()
    {
        var user = new TeamsUser(http, "a:bench-" + Guid.NewGuid().ToString("N"));
        var replies = await TimedAsync(user.AddBotAsync);
        while (!finished(replies))
        {
            if (TurnMilliseconds.Count > MaxTurns)
                throw new InvalidOperationException($"No end of the diagnosis after {MaxTurns} turns; last replies: {string.Join(" | ", TeamsUser.Texts(replies))}");
            string[] buttons = TeamsUser.Buttons(replies);
            ButtonsOffered.Add(buttons.Length);
            string answer = buttons.FirstOrDefault() ?? TypedAnswer;
            replies = await TimedAsync(() => user.PressAsync(answer));
        }
    }

    private async Task<List<JsonObject>> TimedAsync(Func<Task<List<JsonObject>>> turn)
    {
        var watch = Stopwatch.StartNew();
        var replies = await turn();
        TurnMilliseconds.Add(watch.Elapsed.TotalMilliseconds);
        return replies;
    }
}
