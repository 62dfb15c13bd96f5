using Mamori.Core.Dialogs;
using Mamori.Core.Storage;

namespace Mamori.Cli.Tests.Conversations;

/// <summary>Many turns racing on one conversation of the real diagnosis, through two engines sharing one SQLite file.</summary>
public sealed class ConcurrentConversationTests
{
    [Fact]
    public async Task Twenty_parallel_answers_land_on_twenty_different_questions_in_order()
    {
        using var bot = new RealBot();
        var key = new ConversationKey("default", "race");
        await bot.Engine.HandleAsync(new IncomingTurn(key, "u", "診断を始める", "test"), CancellationToken.None);
        var first = bot.Engine;
        bot.Restart();   // a second engine and store on the same file: two host instances
        var engines = new[] { first, bot.Engine };

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => engines[i % 2].HandleAsync(new IncomingTurn(key, "u", "わからない", "test"), CancellationToken.None))));

        Assert.All(results, r => Assert.DoesNotContain("混み合っています", ConversationScript.Transcript(r), StringComparison.Ordinal));
        var stored = await bot.Store.LoadConversationAsync(key, CancellationToken.None);
        var answered = stored!.State.Answers.Select(a => a.QuestionId).ToArray();
        Assert.Equal(20, answered.Length);
        Assert.Equal(20, answered.Distinct().Count());
        var script = RealBot.Services.GetService(typeof(Mamori.Core.Diagnosis.DiagnosisScript)) as Mamori.Core.Diagnosis.DiagnosisScript;
        Assert.Equal(script!.Questions.Select(q => q.Id).Where(answered.Contains), answered);   // each answer went to the next question
    }
}
