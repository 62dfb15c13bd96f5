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

    /// <summary>Presses the first button of the last reply (or types 「わからない」 when it has none), like a hurried user.</summary>
    public ConversationScript PressFirstButton() => Step(async () =>
    {
        var last = _last ?? throw new InvalidOperationException("PressFirstButton before any Send or Start.");
        var label = last.Replies.Count > 0 && last.Replies[^1].Choices.Count > 0 ? last.Replies[^1].Choices[0].Label : "わからない";
        _lastSent = label;
        _last = await engine().HandleAsync(new IncomingTurn(key, userId, label, "test"), CancellationToken.None);
        Results.Add(_last);
    });

    public ConversationScript ExpectCitations() => Expect(r => r.Replies.Any(reply => reply.Citations.Count > 0), "a reply with citations");

    public ConversationScript ExpectNoHandoff() => Expect(r => r.Handoff is null, "no handoff request");

    public async Task RunAsync()
    {
        foreach (var step in _steps)
            await step();
    }

    public static string Transcript(TurnResult result) => string.Join("\n", result.Replies.Select(Render));

    private static string Render(BotReply reply)
    {
        var text = reply.Text;
        if (reply.Card is { } card)
            text += $"\n■{card.Title}\n" + string.Join("\n", card.Sections.SelectMany(s => s.Items.Select(i => $"{s.Heading}: {i.Title} {i.Text} {i.Url}")));
        if (reply.Citations.Count > 0)
            text += "\n出典: " + string.Join(" / ", reply.Citations.Select(c => c.Title));
        return reply.Choices.Count == 0 ? text : $"{text} [{string.Join(" | ", reply.Choices.Select(c => c.Label))}]";
    }

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
