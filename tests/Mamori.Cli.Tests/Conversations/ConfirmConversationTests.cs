using Mamori.Core.Conversations;
using Mamori.Core.Dialogs;

namespace Mamori.Cli.Tests.Conversations;

/// <summary>
/// A reply the bot is not sure of, through the real engine, the real knowledge/ and a SQLite file: it is asked back
/// with the best guess (「『〇〇』ということでよろしいですか？」) and recorded only when the owner agrees; a typed reply that
/// is understood is echoed in one line; after two unreadable replies nothing is recorded until the owner agrees.
/// </summary>
public sealed class ConfirmConversationTests
{
    private static readonly string[] ItDependenceButtons = ["仕事が止まる", "一部で困る", "ほぼ困らない", "わからない"];

    /// <summary>Industry, employees and prefecture by button or plain words; the fourth question is ITが止まったときの影響.</summary>
    private static ConversationScript AtItDependence(RealBot bot) => bot.Conversation()
        .Send("診断を始める").Send("製造業").Send("6〜20人").Send("大阪府").ExpectReplyContaining("丸1日使えなくなったら");

    private static async Task<ConversationState> StoredAsync(RealBot bot) =>
        (await bot.Store.LoadConversationAsync(new ConversationKey("default", "c1"), CancellationToken.None))!.State;

    private static IEnumerable<(string, string)> Answers(ConversationState state) => state.Answers.Select(a => (a.QuestionId, a.Code));

    [Fact]
    public async Task The_very_first_question_offers_wakaranai_among_its_buttons()
    {
        using var bot = new RealBot();
        await bot.Conversation()
            .Send("診断を始める").ExpectReplyContaining("業種")
            .ExpectButtons("製造業", "建設業", "小売業", "卸売業", "飲食業", "医療・福祉", "士業・専門サービス", "IT・ソフトウェア", "運輸・物流", "その他", "わからない")
            .RunAsync();
    }

    [Fact]
    public async Task A_guess_is_asked_back_and_recorded_only_when_the_owner_says_yes()
    {
        using var bot = new RealBot();
        await AtItDependence(bot)
            .Send("一応困るかも").ExpectReplyContaining("「一部で困る」ということでよろしいですか？")
            .ExpectButtons("はい", "ちがう（選び直す）").ExpectNoReplyContaining("【5/")
            .RunAsync();
        Assert.DoesNotContain("it_dependence", (await StoredAsync(bot)).Answers.Select(a => a.QuestionId));

        await bot.Conversation()
            .Send("はい").ExpectReplyContaining("【5/").ExpectReplyContaining("個人情報")
            .RunAsync();
        var answer = (await StoredAsync(bot)).Answers.Single(a => a.QuestionId == "it_dependence");
        Assert.Equal(("medium", "一応困るかも"), (answer.Code, answer.Raw));
    }

    [Fact]
    public async Task Chigau_asks_the_question_again_with_its_buttons_and_records_nothing()
    {
        using var bot = new RealBot();
        await AtItDependence(bot)
            .Send("一応困るかも").ExpectReplyContaining("ということでよろしいですか？")
            .Send("ちがう（選び直す）").ExpectReplyContaining("失礼しました").ExpectReplyContaining("【4/").ExpectReplyContaining("丸1日使えなくなったら")
            .ExpectButtons(ItDependenceButtons)
            .Send("仕事が止まる").ExpectReplyContaining("【5/")
            .RunAsync();
        Assert.Equal("high", (await StoredAsync(bot)).Answers.Single(a => a.QuestionId == "it_dependence").Code);
    }

    [Fact]
    public async Task A_reply_that_could_be_two_choices_offers_both_and_pressing_one_records_it()
    {
        using var bot = new RealBot();
        await bot.Conversation()
            .Send("診断を始める").Send("製造業")
            .Send("5人から10人").ExpectReplyContaining("「5人から10人」は、次のどれにあたりますか？")
            .ExpectButtons("1〜5人", "6〜20人", "ちがう（選び直す）")
            .Send("6〜20人").ExpectReplyContaining("都道府県")
            .RunAsync();
        Assert.Equal([("industry", "manufacturing"), ("employees", "6-20")], Answers(await StoredAsync(bot)));
    }

    [Fact]
    public async Task A_town_in_two_prefectures_is_asked_back_with_both()
    {
        using var bot = new RealBot();
        await bot.Conversation()
            .Send("診断を始める").Send("製造業").Send("6〜20人")
            .Send("府中市です").ExpectReplyContaining("次のどれにあたりますか？").ExpectButton("東京都").ExpectButton("広島県")
            .Send("東京都").ExpectReplyContaining("丸1日使えなくなったら")
            .RunAsync();
        Assert.Equal("tokyo", (await StoredAsync(bot)).Answers.Single(a => a.QuestionId == "prefecture").Code);
    }

    [Fact]
    public async Task A_new_reply_while_a_guess_is_pending_is_read_afresh()
    {
        using var bot = new RealBot();
        await AtItDependence(bot)
            .Send("一応困るかも").ExpectReplyContaining("ということでよろしいですか？")
            .Send("いや、パソコンが止まったら何もできない").ExpectReplyContaining("【5/").ExpectReplyContaining("「仕事が止まる」と受け取りました")
            .RunAsync();
        Assert.Equal("high", (await StoredAsync(bot)).Answers.Single(a => a.QuestionId == "it_dependence").Code);
    }

    [Fact]
    public async Task A_pending_guess_survives_a_restart_of_the_process()
    {
        using var bot = new RealBot();
        await AtItDependence(bot)
            .Send("一応困るかも").ExpectReplyContaining("ということでよろしいですか？")
            .Then(bot.Restart)
            .Send("はい").ExpectReplyContaining("【5/")
            .RunAsync();
        Assert.Equal("medium", (await StoredAsync(bot)).Answers.Single(a => a.QuestionId == "it_dependence").Code);
    }

    [Fact]
    public async Task A_typed_reply_is_echoed_in_one_line_and_a_pressed_button_is_not()
    {
        using var bot = new RealBot();
        await bot.Conversation()
            .Send("診断を始める")
            .Send("うちは町の工務店です").ExpectReplyContaining("（業種は「建設業」と受け取りました）\n【2/")
            .Send("6〜20人").ExpectReplyContaining("都道府県").ExpectNoReplyContaining("受け取りました")
            .Send("京都市内です").ExpectReplyContaining("（所在地は「京都府」と受け取りました）")
            .Send("ほぼ困らない").ExpectNoReplyContaining("受け取りました")
            .RunAsync();
    }

    [Fact]
    public async Task After_two_unreadable_replies_nothing_is_recorded_until_the_owner_agrees_to_wakaranai()
    {
        using var bot = new RealBot();
        await bot.Conversation()
            .Send("診断を始める").Send("製造業")
            .Send("ぼちぼちです").ExpectReplyContaining("読み取れませんでした").ExpectButton("わからない")
            .Send("ぼちぼち").ExpectReplyContaining("この質問は「わからない」として次へ進みましょうか？").ExpectNoReplyContaining("都道府県")
            .ExpectButtons("はい", "1〜5人", "6〜20人", "21〜50人", "51〜300人", "301人以上")
            .RunAsync();
        Assert.Equal([("industry", "manufacturing")], Answers(await StoredAsync(bot)));

        await bot.Conversation().Send("はい").ExpectReplyContaining("都道府県").RunAsync();
        Assert.Equal([("industry", "manufacturing"), ("employees", "unknown")], Answers(await StoredAsync(bot)));
    }

    [Fact]
    public async Task After_the_offer_the_owner_can_still_press_the_right_choice()
    {
        using var bot = new RealBot();
        await bot.Conversation()
            .Send("診断を始める").Send("製造業").Send("ぼちぼちです").Send("ぼちぼち").ExpectReplyContaining("「わからない」として")
            .Send("21〜50人").ExpectReplyContaining("都道府県")
            .RunAsync();
        Assert.Equal("21-50", (await StoredAsync(bot)).Answers.Single(a => a.QuestionId == "employees").Code);
    }

    [Fact]
    public async Task A_real_question_while_a_guess_is_pending_is_answered_and_the_diagnosis_resumes()
    {
        using var bot = new RealBot();
        await AtItDependence(bot)
            .Send("一応困るかも").ExpectReplyContaining("ということでよろしいですか？")
            .Send("パスワードは何文字以上が安全？").ExpectCitations().ExpectReplyContaining("診断の続きです").ExpectReplyContaining("丸1日使えなくなったら")
            .Send("ほぼ困らない").ExpectReplyContaining("【5/")
            .RunAsync();
        Assert.Equal("low", (await StoredAsync(bot)).Answers.Single(a => a.QuestionId == "it_dependence").Code);
    }
}
