using Mamori.Core.Dialogs;
using Mamori.Core.Storage;

namespace Mamori.Core.Tests.Dialogs;

/// <summary>Whole conversations through the real engine and a real SQLite file, read as chat transcripts.</summary>
public sealed class DialogEngineTests
{
    [Fact]
    public async Task Greets_a_new_user_and_offers_the_diagnosis()
    {
        using var bot = new TestBot();
        await bot.Conversation()
            .Start().ExpectReplyContaining("まもり").ExpectButtons("診断を始める", "質問する", "ヘルプ")
            .RunAsync();
    }

    [Fact]
    public async Task Buttons_only_lead_through_the_diagnosis_to_the_result()
    {
        using var bot = new TestBot();
        await bot.Conversation()
            .Start()
            .Send("診断を始める").ExpectReplyContaining("全部で4問").ExpectReplyContaining("【1/4】従業員は何名")
            .ExpectButtons("1〜5人", "6〜20人", "21〜50人", "わからない")
            .Send("6〜20人").ExpectReplyContaining("【2/4】ITが止まると")
            .Send("止まる").ExpectReplyContaining("【3/4】セキュリティ対策の担当者")
            .Send("いない").ExpectReplyContaining("回答ありがとうございました").ExpectReplyContaining("いちばんの壁は「人材」")
            .ExpectReplyContaining("employees=6-20、it_dependence=high、tal_person=none")
            .ExpectButton("もう一度診断する")
            .RunAsync();
    }

    [Fact]
    public async Task A_reply_it_cannot_read_is_reprompted_and_after_two_misses_the_owner_is_asked_before_unknown_is_recorded()
    {
        using var bot = new TestBot();
        await bot.Conversation()
            .Send("診断を始める")
            .Send("うちは家族経営でして").ExpectReplyContaining("選択肢から選んでください").ExpectReplyContaining("従業員は何名")
            .ExpectButtons("1〜5人", "6〜20人", "21〜50人", "わからない")
            .Send("まあ色々").ExpectReplyContaining("「わからない」として次へ進みましょうか？").ExpectNoReplyContaining("【2/4】")
            .ExpectButtons("はい", "1〜5人", "6〜20人", "21〜50人")
            .RunAsync();
        var stored = await bot.Store.LoadConversationAsync(new ConversationKey("default", "c1"), CancellationToken.None);
        Assert.Empty(stored!.State.Answers);   // nothing recorded until the owner agrees

        await bot.Conversation()
            .Send("はい").ExpectReplyContaining("【2/4】ITが止まると")
            .ExpectButtons("止まる", "一部困る", "ほぼ困らない", "わからない")
            .RunAsync();
        stored = await bot.Store.LoadConversationAsync(new ConversationKey("default", "c1"), CancellationToken.None);
        Assert.Equal("unknown", Assert.Single(stored!.State.Answers).Code);
    }

    [Fact]
    public async Task After_the_offer_of_unknown_a_button_of_the_question_is_recorded_instead()
    {
        using var bot = new TestBot();
        await bot.Conversation()
            .Send("診断を始める").Send("うちは家族経営でして").Send("まあ色々").ExpectReplyContaining("「わからない」として")
            .Send("1〜5人").ExpectReplyContaining("【2/4】ITが止まると")
            .RunAsync();
        var stored = await bot.Store.LoadConversationAsync(new ConversationKey("default", "c1"), CancellationToken.None);
        Assert.Equal("1-5", Assert.Single(stored!.State.Answers).Code);
    }

    [Fact]
    public async Task Unknown_is_an_answer()
    {
        using var bot = new TestBot();
        await bot.Conversation()
            .Send("診断を始める")
            .Send("わかりません").ExpectReplyContaining("【2/4】").ExpectNoReplyContaining("読み取れ")
            .RunAsync();
    }

    [Fact]
    public async Task A_question_mid_diagnosis_is_answered_then_the_same_question_comes_back_with_its_buttons()
    {
        var answerer = new RecordingAnswerer();
        using var bot = new TestBot(answerer);
        await bot.Conversation()
            .Send("診断を始める")
            .Send("6〜20人").ExpectReplyContaining("【2/4】ITが止まると")
            .Send("パスワードは何文字以上が安全？").ExpectReplyContaining("使い回さない")
            .ExpectReplyContaining("診断の続きです").ExpectReplyContaining("【2/4】ITが止まると")
            .ExpectButtons("止まる", "一部困る", "ほぼ困らない", "わからない")
            .Send("一部困る").ExpectReplyContaining("【3/4】")
            .RunAsync();
        var request = Assert.Single(answerer.Requests);
        Assert.Equal("パスワードは何文字以上が安全？", request.Question);
        Assert.Equal("default", request.TenantId);
    }

    [Fact]
    public async Task Without_an_answerer_a_question_gets_a_polite_decline_and_the_diagnosis_goes_on()
    {
        using var bot = new TestBot(answerer: null);
        await bot.Conversation()
            .Send("診断を始める")
            .Send("補助金について教えて").ExpectReplyContaining("ただいまご質問にお答えできる状態ではありません")
            .ExpectReplyContaining("【1/4】従業員は何名")
            .Send("1〜5人").ExpectReplyContaining("【2/4】")
            .RunAsync();
    }

    [Fact]
    public async Task In_the_menu_free_text_is_a_question_for_the_knowledge_base()
    {
        var answerer = new RecordingAnswerer();
        using var bot = new TestBot(answerer);
        await bot.Conversation()
            .Start()
            .Send("パスワードの決め方").ExpectReplyContaining("使い回さない").ExpectReplyContaining("[1]")
            .RunAsync();
        Assert.Single(answerer.Requests);
    }

    [Fact]
    public async Task Back_returns_to_the_previous_question_and_the_new_answer_replaces_the_old()
    {
        using var bot = new TestBot();
        await bot.Conversation()
            .Send("診断を始める")
            .Send("1〜5人")
            .Send("止まる").ExpectReplyContaining("【3/4】")
            .Send("もどる").ExpectReplyContaining("1つ前の質問に戻ります").ExpectReplyContaining("【2/4】ITが止まると")
            .Send("戻る").ExpectReplyContaining("【1/4】従業員は何名")
            .Send("戻る").ExpectReplyContaining("これが最初の質問です").ExpectReplyContaining("【1/4】従業員は何名")
            .Send("21〜50人").ExpectReplyContaining("【2/4】")
            .RunAsync();
        var stored = await bot.Store.LoadConversationAsync(new ConversationKey("default", "c1"), CancellationToken.None);
        Assert.Equal("21-50", Assert.Single(stored!.State.Answers).Code);
    }

    [Fact]
    public async Task Restart_clears_the_answers_and_asks_the_first_question_again()
    {
        using var bot = new TestBot();
        await bot.Conversation()
            .Send("診断を始める")
            .Send("1〜5人")
            .Send("はじめから").ExpectReplyContaining("最初からやり直します").ExpectReplyContaining("【1/4】従業員は何名")
            .RunAsync();
        var stored = await bot.Store.LoadConversationAsync(new ConversationKey("default", "c1"), CancellationToken.None);
        Assert.Empty(stored!.State.Answers);
    }

    [Fact]
    public async Task Help_explains_the_commands_and_the_question_then_asks_it_again()
    {
        using var bot = new TestBot();
        await bot.Conversation()
            .Send("診断を始める")
            .Send("help").ExpectReplyContaining("「戻る」").ExpectReplyContaining("employeesについての説明")
            .ExpectReplyContaining("【1/4】従業員は何名")
            .RunAsync();
    }

    [Theory]
    [InlineData("担当者と話したい")]
    [InlineData("人と話したい")]
    [InlineData("担当者につないで")]
    public async Task Asking_for_a_person_starts_a_handoff_with_the_diagnosis_so_far(string text)
    {
        using var bot = new TestBot();
        await bot.Conversation()
            .Send("診断を始める")
            .Send("6〜20人").ExpectNoHandoff()
            .Send(text).ExpectHandoff().ExpectReplyContaining("よろず支援拠点").ExpectNoReplyContaining("おつなぎします")
            .RunAsync();
        var result = await bot.Engine.HandleAsync(new IncomingTurn(new ConversationKey("default", "c1"), "u1", text, "test"), CancellationToken.None);
        Assert.Equal(new ConversationKey("default", "c1"), result.Handoff!.Conversation);
        Assert.Equal("u1", result.Handoff.UserId);
        Assert.Contains("1問", result.Handoff.Reason);
    }

    [Fact]
    public async Task Quit_keeps_the_answers_and_resume_continues_at_the_same_question()
    {
        using var bot = new TestBot();
        await bot.Conversation()
            .Send("診断を始める")
            .Send("1〜5人")
            .Send("終了").ExpectReplyContaining("いったん終了します").ExpectButtons("続きから", "最初から", "質問する")
            .Send("続きから").ExpectReplyContaining("【2/4】ITが止まると")
            .RunAsync();
    }

    [Fact]
    public async Task A_conversation_survives_a_restart_of_the_process_at_the_same_question()
    {
        using var bot = new TestBot();
        await bot.Conversation()
            .Send("診断を始める")
            .Send("6〜20人").ExpectReplyContaining("【2/4】ITが止まると")
            .Then(bot.Restart)
            .Start().ExpectReplyContaining("前回の続き（2問目）から再開します").ExpectReplyContaining("【2/4】ITが止まると")
            .ExpectButtons("止まる", "一部困る", "ほぼ困らない", "わからない")
            .Send("止まる").ExpectReplyContaining("【3/4】")
            .Then(bot.Restart)
            .Send("詳しい社員がいる").ExpectReplyContaining("【4/4】最後の質問です。担当者は何をすべきか")
            .RunAsync();
    }

    [Fact]
    public async Task A_returning_user_is_greeted_with_the_last_result_and_offered_a_new_diagnosis()
    {
        using var bot = new TestBot();
        await bot.Conversation("first", "owner-1")
            .Send("診断を始める").Send("1〜5人").Send("止まる").Send("いない").ExpectReplyContaining("人材")
            .RunAsync();
        bot.Restart();
        await bot.Conversation("second", "owner-1")
            .Start().ExpectReplyContaining("おかえりなさい").ExpectReplyContaining("いちばんの壁は「人材」でした")
            .ExpectReplyContaining(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy年M月d日"))
            .ExpectButtons("もう一度診断する", "質問する", "ヘルプ")
            .Send("もう一度診断する").ExpectReplyContaining("【1/4】従業員は何名")
            .RunAsync();
        var user = await bot.Store.LoadUserAsync(new UserKey("default", "owner-1"), CancellationToken.None);
        Assert.Equal(1, user!.State.DiagnosesCompleted);
    }

    [Fact]
    public async Task A_returning_user_who_just_says_hello_is_welcomed_back_too()
    {
        using var bot = new TestBot();
        await bot.Conversation("first", "owner-2").Send("診断を始める").Send("1〜5人").Send("止まる").Send("詳しい社員がいる").Send("分かっている").RunAsync();
        await bot.Conversation("line-chat", "owner-2")
            .Send("こんにちは").ExpectReplyContaining("おかえりなさい").ExpectReplyContaining("いちばんの壁は「対策」でした")
            .RunAsync();
        await bot.Conversation("line-chat-2", "someone-new")
            .Send("こんにちは").ExpectReplyContaining("こんにちは。情報セキュリティ相談ボット").ExpectButtons("診断を始める", "質問する", "ヘルプ")
            .RunAsync();
    }

    [Fact]
    public async Task An_old_answer_button_pressed_after_the_diagnosis_is_not_taken_for_a_question()
    {
        var answerer = new RecordingAnswerer();
        using var bot = new TestBot(answerer);
        await bot.Conversation()
            .Send("診断を始める").Send("1〜5人").Send("止まる").Send("いない").ExpectReplyContaining("診断結果")
            .Send("止まる").ExpectReplyContaining("いまは診断の質問をお聞きしていません").ExpectButton("もう一度診断する")
            .RunAsync();
        Assert.Empty(answerer.Requests);
    }

    [Fact]
    public async Task A_question_about_the_question_gets_its_help_without_counting_as_a_miss()
    {
        var answerer = new RecordingAnswerer();
        using var bot = new TestBot(answerer);
        await bot.Conversation()
            .Send("診断を始める").Send("1〜5人")
            .Send("これどういう意味？").ExpectReplyContaining("it_dependenceについての説明").ExpectReplyContaining("【2/4】ITが止まると")
            .ExpectButtons("止まる", "一部困る", "ほぼ困らない", "わからない")
            .RunAsync();
        Assert.Empty(answerer.Requests);
    }

    [Fact]
    public async Task Tenants_never_see_each_others_conversations()
    {
        using var bot = new TestBot();
        await bot.Conversation("same-id", "u", "chamber-a").Send("診断を始める").Send("1〜5人").RunAsync();
        await bot.Conversation("same-id", "u", "chamber-b")
            .Start().ExpectReplyContaining("こんにちは").ExpectNoReplyContaining("再開")
            .RunAsync();
    }
}
