using Mamori.Core.Dialogs;
using Mamori.Core.Storage;
using Mamori.Core.Tests.Dialogs;

namespace Mamori.Core.Tests.Conversations;

/// <summary>Turns racing on one conversation, as when a user double-taps a button or two host instances share the file.</summary>
public sealed class ConcurrentTurnsTests
{
    [Fact]
    public async Task Parallel_answers_on_one_conversation_are_all_recorded()
    {
        using var bot = new TestBot();
        var key = new ConversationKey("default", "race");
        await bot.Engine.HandleAsync(new IncomingTurn(key, "u", "診断を始める", "test"), CancellationToken.None);

        // Four answers at once, through two engines on the same SQLite file (two "processes"): each must land on its own question.
        var second = bot.CreateEngine(new SqliteConversationStore(bot.DatabasePath));
        var engines = new[] { bot.Engine, second };
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Task.Run(() => engines[i % 2].HandleAsync(new IncomingTurn(key, "u", "わからない", "test"), CancellationToken.None))));

        var stored = await bot.Store.LoadConversationAsync(key, CancellationToken.None);
        Assert.Equal(["employees", "it_dependence", "tal_person", "tal_skill"], stored!.State.Answers.Select(a => a.QuestionId));
        Assert.All(stored.State.Answers, a => Assert.Equal("unknown", a.Code));
        Assert.True(stored.State.DiagnosisCompleted);
        Assert.Single(results, r => ConversationScript.Transcript(r).Contains("回答ありがとうございました", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Many_parallel_turns_never_lose_an_answer_or_crash()
    {
        using var bot = new TestBot(new RecordingAnswerer());
        var keys = Enumerable.Range(0, 5).Select(i => new ConversationKey("default", $"busy-{i}")).ToArray();
        foreach (var key in keys)
            await bot.Engine.HandleAsync(new IncomingTurn(key, "u", "診断を始める", "test"), CancellationToken.None);

        // 5 conversations × (3 answers + 5 questions + 5 helps) in parallel: answers may interleave with anything.
        var turns = keys.SelectMany(key =>
            Enumerable.Repeat("わからない", 3).Concat(Enumerable.Repeat("パスワードは何文字？", 5)).Concat(Enumerable.Repeat("ヘルプ", 5))
                .Select(text => new IncomingTurn(key, "u", text, "test")));
        var results = await Task.WhenAll(turns.Select(t => Task.Run(() => bot.Engine.HandleAsync(t, CancellationToken.None))));

        Assert.All(results, r => Assert.NotEmpty(r.Replies));
        foreach (var key in keys)
        {
            var stored = await bot.Store.LoadConversationAsync(key, CancellationToken.None);
            Assert.Equal(3, stored!.State.Answers.Count);
            Assert.Equal(new Mamori.Core.Conversations.DiagnosisFrame("tal_skill"), stored.State.Top);
        }
    }
}
