using Mamori.Core.Conversations;
using Mamori.Core.Dialogs;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Cli.Tests.Conversations;

/// <summary>
/// A whole diagnosis typed, never a button pressed, through the real engine and knowledge/: the owner of a 3-person
/// ramen shop in Kyoto who has never thought about security, writing the way such an owner writes (関西弁, negations).
/// Nothing he wrote is ambiguous, so the bot should never ask again and never ask him to confirm.
/// </summary>
public sealed class TypedConversationTests
{
    /// <summary>What he types for each question, and the code a careful person would record.</summary>
    private static readonly Dictionary<string, (string Typed, string Meant)> RamenShopInKyoto = new()
    {
        ["industry"] = ("ラーメン屋をやってます", "food_service"),
        ["employees"] = ("私と嫁さんとバイト1人の3人です", "1-5"),
        ["prefecture"] = ("京都市の左京区です", "kyoto"),
        ["it_dependence"] = ("パソコンが使えなくてもあんまり困らへん", "low"),
        ["data_held"] = ("予約のお客さんの名前と電話番号くらいやな", "personal"),
        ["supply_chain"] = ("そんなん言われたことないです", "none"),
        ["it_plan"] = ("特に予定はないです", "none"),
        ["mot_bids"] = ("入札とかは関係ないです", "no"),
        ["mot_duty"] = ("まあ、少しは感じます", "some"),
        ["aw_target"] = ("うちみたいな小さい店は狙われへんと思うわ", "no"),
        ["aw_owner"] = ("誰も決めてへん", "none"),
        ["aw_cost"] = ("考えたこともないです", "none"),
        ["inv_budget"] = ("そんなお金はないです", "zero"),
        ["inv_incident"] = ("何も用意してへん", "none"),
        ["tal_person"] = ("私が自分でたまにやるくらいです", "parttime"),
        ["tal_skill"] = ("正直、よう分かってへん", "no"),
        ["tal_outside"] = ("相談できるところはないです", "no"),
        ["m_updates"] = ("更新はしてへん", "no"),
        ["m_antivirus"] = ("ウイルス対策ソフトは入れてへん", "no"),
        ["m_passwords"] = ("全部同じパスワードにしてます", "no"),
        ["m_sharing"] = ("確認したことないです", "no"),
        ["m_threats"] = ("何も伝えてへん", "no"),
        ["m_backup"] = ("バックアップは取ってません", "no"),
        ["m_policy"] = ("そんなもん作ってへん", "no"),
        ["m_incident_plan"] = ("何も決めてへん", "no"),
        ["m_review"] = ("見直したことはないです", "no"),
    };

    /// <summary>Replies a careful person would also ask about: none in this conversation.</summary>
    private static readonly HashSet<string> TrulyAmbiguous = [];

    [Fact]
    public async Task A_ramen_shop_owner_in_kyoto_types_every_answer_and_reaches_the_result_without_being_asked_again()
    {
        using var bot = new RealBot();
        var flow = RealBot.Services.GetRequiredService<IDiagnosisFlow>();
        var key = new ConversationKey("default", "c1");
        var problems = new List<string>();
        var confirmations = 0;

        var turn = await bot.Engine.HandleAsync(new IncomingTurn(key, "u1", "うちの店を診断してほしい", "test"), CancellationToken.None);
        for (var step = 0; step < 60; step++)
        {
            var state = (await bot.Store.LoadConversationAsync(key, CancellationToken.None))!.State;
            if (state.DiagnosisCompleted)
                break;
            var frame = Assert.IsType<DiagnosisFrame>(state.Top);
            var (typed, meant) = RamenShopInKyoto[frame.QuestionId];
            var question = flow.Find(frame.QuestionId)!;
            turn = await Send(typed);
            var said = ConversationScript.Transcript(turn);

            if (said.Contains("よろしいですか？", StringComparison.Ordinal) || said.Contains("次のどれにあたりますか？", StringComparison.Ordinal))
            {
                confirmations++;
                if (!TrulyAmbiguous.Contains(frame.QuestionId))
                    problems.Add($"{frame.QuestionId}: 「{typed}」 was asked back: {said}");
                // He agrees when the guess is what he meant, and otherwise presses what he meant.
                var label = question.LabelOf(meant);
                turn = await Send(said.Contains($"「{label}」ということで", StringComparison.Ordinal) ? "はい" : label);
            }
            else if (said.Contains("読み取れ", StringComparison.Ordinal))
            {
                problems.Add($"{frame.QuestionId}: 「{typed}」 was not understood");
                turn = await Send(question.LabelOf(meant));
            }
            else if (!said.Contains("と受け取りました", StringComparison.Ordinal))
            {
                problems.Add($"{frame.QuestionId}: 「{typed}」 got no echo of how it was read: {said}");
            }
        }

        var stored = (await bot.Store.LoadConversationAsync(key, CancellationToken.None))!.State;
        Assert.True(stored.DiagnosisCompleted, "the diagnosis never reached its result");
        Assert.Contains(turn.Replies, r => r.Card is not null);
        Assert.Contains("いちばんの壁", ConversationScript.Transcript(turn));
        foreach (var answer in stored.Answers)
        {
            if (answer.Code != RamenShopInKyoto[answer.QuestionId].Meant)
                problems.Add($"{answer.QuestionId}: 「{answer.Raw}」 recorded as '{answer.Code}', meant '{RamenShopInKyoto[answer.QuestionId].Meant}'");
        }
        Assert.True(problems.Count == 0, $"{confirmations} confirmations; problems:\n" + string.Join("\n", problems));
        Assert.True(confirmations <= TrulyAmbiguous.Count, $"{confirmations} confirmations");
        Assert.True(stored.Answers.Count >= 20, $"{stored.Answers.Count} answers");

        Task<TurnResult> Send(string text) => bot.Engine.HandleAsync(new IncomingTurn(key, "u1", text, "test"), CancellationToken.None);
    }

    [Theory]
    [InlineData("aw_owner", "担当者を決めていない", "none")]
    [InlineData("tal_person", "担当者はいない", "none")]
    public async Task A_reply_that_names_the_person_in_charge_is_an_answer_not_a_request_for_a_person(string questionId, string typed, string meant)
    {
        using var bot = new RealBot();
        var key = new ConversationKey("default", "c1");
        await AnswerUntilAsync(bot, key, questionId);

        var turn = await bot.Engine.HandleAsync(new IncomingTurn(key, "u1", typed, "test"), CancellationToken.None);

        Assert.True(turn.Handoff is null, $"「{typed}」 was taken for a request to talk to a person: {ConversationScript.Transcript(turn)}");
        var answer = (await bot.Store.LoadConversationAsync(key, CancellationToken.None))!.State.Answers.Single(a => a.QuestionId == questionId);
        Assert.Equal(meant, answer.Code);
    }

    [Theory]
    [InlineData("m_passwords", "付箋に書いてモニターに貼ってる", "紙に書いて貼ってあるパスワードは、見た人にも使われてしまいます。", "できていない", "no")]
    [InlineData("m_sharing", "共有なんて使っとらん", "共有フォルダやクラウドを使っていなければ、この項目は心配いりません。", "できている", "yes")]
    [InlineData("m_threats", "社員おらんけん、伝える相手がおらん", "社員の方がいない場合は、社長ご自身が", "できている", "yes")]
    public async Task A_reply_that_does_not_answer_the_question_is_asked_back_saying_why_and_recorded_only_on_yes(
        string questionId, string typed, string why, string guessLabel, string guess)
    {
        using var bot = new RealBot();
        var key = new ConversationKey("default", "c1");
        await AnswerUntilAsync(bot, key, questionId);

        var asked = ConversationScript.Transcript(await bot.Engine.HandleAsync(new IncomingTurn(key, "u1", typed, "test"), CancellationToken.None));
        Assert.Contains(why, asked);
        Assert.Contains($"「{guessLabel}」ということでよろしいですか？", asked);
        var state = (await bot.Store.LoadConversationAsync(key, CancellationToken.None))!.State;
        Assert.DoesNotContain(state.Answers, a => a.QuestionId == questionId);   // nothing recorded while asking

        await bot.Engine.HandleAsync(new IncomingTurn(key, "u1", "はい", "test"), CancellationToken.None);
        var answer = (await bot.Store.LoadConversationAsync(key, CancellationToken.None))!.State.Answers.Single(a => a.QuestionId == questionId);
        Assert.Equal((guess, typed), (answer.Code, answer.Raw));
    }

    /// <summary>Starts the diagnosis and types the ramen shop's replies until <paramref name="questionId"/> is asked.</summary>
    private static async Task AnswerUntilAsync(RealBot bot, ConversationKey key, string questionId)
    {
        await bot.Engine.HandleAsync(new IncomingTurn(key, "u1", "診断を始める", "test"), CancellationToken.None);
        for (var step = 0; step < 40; step++)
        {
            var frame = Assert.IsType<DiagnosisFrame>((await bot.Store.LoadConversationAsync(key, CancellationToken.None))!.State.Top);
            if (frame.QuestionId == questionId)
                return;
            await bot.Engine.HandleAsync(new IncomingTurn(key, "u1", RamenShopInKyoto[frame.QuestionId].Typed, "test"), CancellationToken.None);
        }
        Assert.Fail($"{questionId} was never asked");
    }
}
