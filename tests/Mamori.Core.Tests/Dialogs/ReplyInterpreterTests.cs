using Mamori.Core.Dialogs;
using Mamori.Core.Understanding;

namespace Mamori.Core.Tests.Dialogs;

/// <summary>
/// A reply the reading cannot place goes to the reply interpreter (a model, when one is configured); its guess is asked
/// back and recorded only on はい. Every failure of the interpreter is the usual re-prompt. Real engine, real SQLite.
/// </summary>
public sealed class ReplyInterpreterTests
{
    private static readonly ConversationKey Key = new("default", "c1");

    [Fact]
    public async Task A_guess_is_asked_back_and_recorded_only_on_yes()
    {
        var interpreter = new ScriptedInterpreter(_ => new ReplyGuess("1-5", "家族だけ"));
        using var bot = new TestBot(interpreter: interpreter);
        await bot.Conversation()
            .Send("診断を始める")
            .Send("うちは家族経営でして").ExpectReplyContaining("「1〜5人」ということでよろしいですか？")
            .ExpectButtons("はい", "ちがう（選び直す）").ExpectNoReplyContaining("【2/4】")
            .RunAsync();
        Assert.Empty((await bot.Store.LoadConversationAsync(Key, CancellationToken.None))!.State.Answers);

        var asked = Assert.Single(interpreter.Requests);
        Assert.Equal("employees", asked.QuestionId);
        Assert.Equal("従業員は何名ですか。", asked.Question);
        Assert.Equal("うちは家族経営でして", asked.Reply);
        Assert.Equal(["1-5", "6-20", "21-50", "unknown"], asked.Choices.Select(c => c.Code));
        Assert.Equal("1〜5人", asked.Choices[0].Label);

        await bot.Conversation().Send("はい").ExpectReplyContaining("【2/4】ITが止まると").RunAsync();
        var answer = Assert.Single((await bot.Store.LoadConversationAsync(Key, CancellationToken.None))!.State.Answers);
        Assert.Equal(("employees", "1-5", "うちは家族経営でして"), (answer.QuestionId, answer.Code, answer.Raw));
    }

    [Fact]
    public async Task A_declined_guess_asks_the_question_again_and_records_nothing()
    {
        using var bot = new TestBot(interpreter: new ScriptedInterpreter(_ => new ReplyGuess("6-20")));
        await bot.Conversation()
            .Send("診断を始める")
            .Send("けっこうおる").ExpectReplyContaining("「6〜20人」ということでよろしいですか？")
            .Send("ちがう（選び直す）").ExpectReplyContaining("従業員は何名").ExpectButtons("1〜5人", "6〜20人", "21〜50人", "わからない")
            .RunAsync();
        Assert.Empty((await bot.Store.LoadConversationAsync(Key, CancellationToken.None))!.State.Answers);
    }

    [Fact]
    public async Task A_guess_of_unknown_is_confirmed_like_any_other()
    {
        using var bot = new TestBot(interpreter: new ScriptedInterpreter(_ => new ReplyGuess("unknown")));
        await bot.Conversation()
            .Send("診断を始める")
            .Send("数えたことがない").ExpectReplyContaining("ということでよろしいですか？").ExpectButtons("はい", "ちがう（選び直す）")
            .Send("はい").ExpectReplyContaining("【2/4】")
            .RunAsync();
        Assert.Equal("unknown", Assert.Single((await bot.Store.LoadConversationAsync(Key, CancellationToken.None))!.State.Answers).Code);
    }

    public static TheoryData<string> Failures => ["none", "invalid", "throws", "cancelled"];

    [Theory, MemberData(nameof(Failures))]
    public async Task No_guess_a_code_not_offered_or_a_failure_is_the_usual_reprompt_and_counts_as_a_miss(string failure)
    {
        using var bot = new TestBot(interpreter: new ScriptedInterpreter(_ => failure switch
        {
            "invalid" => new ReplyGuess("300-plus"),
            "throws" => throw new HttpRequestException("500 Internal Server Error"),
            "cancelled" => throw new TaskCanceledException("timed out"),
            _ => null,
        }));
        await bot.Conversation()
            .Send("診断を始める")
            .Send("うちは家族経営でして").ExpectReplyContaining("選択肢から選んでください").ExpectReplyContaining("従業員は何名")
            .ExpectButtons("1〜5人", "6〜20人", "21〜50人", "わからない").ExpectNoReplyContaining("よろしいですか")
            .Send("まあ色々").ExpectReplyContaining("「わからない」として次へ進みましょうか？")
            .RunAsync();
        Assert.Empty((await bot.Store.LoadConversationAsync(Key, CancellationToken.None))!.State.Answers);
    }

    [Fact]
    public async Task Answers_questions_and_commands_never_reach_the_interpreter()
    {
        var interpreter = new ScriptedInterpreter(_ => new ReplyGuess("1-5"));
        using var bot = new TestBot(new RecordingAnswerer(), interpreter: interpreter);
        await bot.Conversation()
            .Send("診断を始める")
            .Send("6〜20人").ExpectReplyContaining("【2/4】")
            .Send("パスワードは何文字以上が安全ですか？").ExpectReplyContaining("使い回さない").ExpectReplyContaining("ITが止まると")
            .Send("ヘルプ").ExpectReplyContaining("ITが止まると")
            .Send("診断を始める").ExpectReplyContaining("ITが止まると")
            .RunAsync();
        Assert.Empty(interpreter.Requests);
    }

    [Fact]
    public async Task A_pending_guess_survives_a_restart_and_yes_records_it()
    {
        using var bot = new TestBot(interpreter: new ScriptedInterpreter(_ => new ReplyGuess("high")));
        await bot.Conversation()
            .Send("診断を始める").Send("1〜5人")
            .Send("レジが動かんと商売にならん").ExpectReplyContaining("「止まる」ということでよろしいですか？")
            .Then(bot.Restart)
            .Send("はい").ExpectReplyContaining("【3/4】")
            .RunAsync();
        var answers = (await bot.Store.LoadConversationAsync(Key, CancellationToken.None))!.State.Answers;
        Assert.Equal("high", answers.Single(a => a.QuestionId == "it_dependence").Code);
    }

    private sealed class ScriptedInterpreter(Func<ReplyToPlace, ReplyGuess?> guess) : IReplyInterpreter
    {
        public List<ReplyToPlace> Requests { get; } = [];

        public Task<ReplyGuess?> GuessAsync(ReplyToPlace request, CancellationToken cancellationToken)
        {
            lock (Requests)
                Requests.Add(request);
            return Task.FromResult(guess(request));
        }
    }
}
