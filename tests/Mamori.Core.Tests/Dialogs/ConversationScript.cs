using Mamori.Core.Dialogs;
using Mamori.Core.Messages;

namespace Mamori.Core.Tests.Dialogs;

/// <summary>
/// A conversation written as a transcript: <c>.Send("…").ExpectReplyContaining("…")</c>. Each expectation checks the
/// bot's replies to the latest message (all of them, joined), so a test reads the way the user sees the chat.
/// </summary>
internal sealed class ConversationScript(Func<DialogEngine> engine, ConversationKey key, string userId)
{
    private readonly List<Func<Task>> _steps = [];
    private TurnResult? _last;
    private string _lastSent = "(start)";

    public List<TurnResult> Results { get; } = [];

    public ConversationScript Start() => Step(async () =>
    {
        _lastSent = "(start)";
        _last = await engine().StartAsync(key, userId, "test", CancellationToken.None);
        Results.Add(_last);
    });

    public ConversationScript Send(string text) => Step(async () =>
    {
        _lastSent = text;
        _last = await engine().HandleAsync(new IncomingTurn(key, userId, text, "test"), CancellationToken.None);
        Results.Add(_last);
    });

    public ConversationScript Then(Action action) => Step(() =>
    {
        action();
        return Task.CompletedTask;
    });

    public ConversationScript ExpectReplyContaining(string expected) => Expect(
        r => Transcript(r).Contains(expected, StringComparison.Ordinal),
        $"a reply containing 「{expected}」");

    public ConversationScript ExpectNoReplyContaining(string unexpected) => Expect(
        r => !Transcript(r).Contains(unexpected, StringComparison.Ordinal),
        $"no reply containing 「{unexpected}」");

    /// <summary>The last reply (the one the user would answer) offers exactly these buttons.</summary>
    public ConversationScript ExpectButtons(params string[] labels) => Expect(
        r => r.Replies.Count > 0 && r.Replies[^1].Choices.Select(c => c.Label).SequenceEqual(labels),
        $"buttons [{string.Join(", ", labels)}]");

    public ConversationScript ExpectButton(string label) => Expect(
        r => r.Replies.Count > 0 && r.Replies[^1].Choices.Any(c => c.Label == label),
        $"a button 「{label}」");

    public ConversationScript ExpectHandoff() => Expect(r => r.Handoff is not null, "a handoff request");

    public ConversationScript ExpectNoHandoff() => Expect(r => r.Handoff is null, "no handoff request");

    public async Task RunAsync()
    {
        foreach (var step in _steps)
            await step();
    }

    public static string Transcript(TurnResult result) => string.Join("\n", result.Replies.Select(Render));

    private static string Render(BotReply reply) =>
        reply.Choices.Count == 0 ? reply.Text : $"{reply.Text} [{string.Join(" | ", reply.Choices.Select(c => c.Label))}]";

    private ConversationScript Expect(Func<TurnResult, bool> check, string what) => Step(() =>
    {
        var last = _last ?? throw new InvalidOperationException("Expect… before any Send or Start.");
        Assert.True(check(last), $"After 「{_lastSent}」 expected {what}, but the bot said:\n{Transcript(last)}");
        return Task.CompletedTask;
    });

    private ConversationScript Step(Func<Task> step)
    {
        _steps.Add(step);
        return this;
    }
}
