using System.Text.RegularExpressions;
using Mamori.Core.Conversations;
using Mamori.Core.Dialogs;
using Mamori.Core.Tests.Diagnosis;

namespace Mamori.Core.Tests.Dialogs;

/// <summary>
/// The real diagnosis through the engine, as an owner on a phone sees it: the prefecture by region then prefecture
/// buttons (typing still works), 「わからない」 on every question, and a counter whose total never goes up.
/// </summary>
public sealed partial class QuestionFlowTests
{
    private static readonly string[] Regions = ["北海道・東北", "関東", "中部", "近畿", "中国・四国", "九州・沖縄", "わからない"];

    [GeneratedRegex(@"【(\d+)/(\d+)】(最後の質問です)?")]
    private static partial Regex Counter();

    private static TestBot RealBot() =>
        new(flow: new ScriptDiagnosisFlow(TestKnowledge.Kit, TestKnowledge.Reader, TimeProvider.System));

    /// <summary>Up to the prefecture question: the industry and the size, pressed.</summary>
    private static ConversationScript AtThePrefecture(TestBot bot) => bot.Conversation()
        .Send("診断を始める").Send("飲食業").Send("1〜5人")
        .ExpectReplyContaining("地方を選ぶか").ExpectButtons(Regions);

    [Fact]
    public async Task Pressing_a_region_then_a_prefecture_records_the_prefecture()
    {
        using var bot = RealBot();
        await AtThePrefecture(bot)
            .Send("近畿").ExpectReplyContaining("「近畿」のどちらですか？")
            .ExpectButtons("三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "地方を選び直す", "わからない")
            .Send("京都府").ExpectReplyContaining("丸1日使えなくなったら").ExpectNoReplyContaining("受け取りました")
            .RunAsync();

        Assert.Equal("kyoto", await AnswerTo(bot, "prefecture"));
    }

    [Fact]
    public async Task A_town_typed_at_the_region_step_is_recorded_directly()
    {
        using var bot = RealBot();
        await AtThePrefecture(bot)
            .Send("京都市です").ExpectReplyContaining("（所在地は「京都府」と受け取りました）").ExpectReplyContaining("丸1日使えなくなったら")
            .RunAsync();

        Assert.Equal("kyoto", await AnswerTo(bot, "prefecture"));
    }

    [Fact]
    public async Task The_regions_come_back_with_their_button_or_with_back_and_a_region_typed_by_another_name_opens_it()
    {
        using var bot = RealBot();
        await AtThePrefecture(bot)
            .Send("関東").ExpectButton("東京都")
            .Send("地方を選び直す").ExpectReplyContaining("地方を選ぶか").ExpectButtons(Regions)
            .Send("関西").ExpectReplyContaining("「近畿」のどちらですか？")
            .Send("戻る").ExpectReplyContaining("地方を選ぶか").ExpectButtons(Regions)
            .Send("九州・沖縄").Send("わからない").ExpectReplyContaining("丸1日使えなくなったら")
            .RunAsync();

        Assert.Equal("unknown", await AnswerTo(bot, "prefecture"));
        Assert.Equal(["industry", "employees", "prefecture"], (await State(bot)).Answers.Select(a => a.QuestionId));
    }

    [Fact]
    public async Task A_region_named_in_a_sentence_opens_its_prefectures_and_is_never_read_as_a_town_of_the_same_name()
    {
        // 「東北」 is also the short name of 青森県's 東北町, and 「東海」 of 東海村 (茨城) and 東海市 (愛知).
        using var bot = RealBot();
        await AtThePrefecture(bot)
            .Send("東北のほうです").ExpectReplyContaining("「北海道・東北」のどちらですか？").ExpectButton("宮城県").ExpectNoReplyContaining("受け取りました")
            .Send("地方を選び直す").Send("うちは東海地方です").ExpectReplyContaining("「中部」のどちらですか？").ExpectButton("愛知県")
            .Send("静岡です").ExpectReplyContaining("（所在地は「静岡県」と受け取りました）")
            .RunAsync();

        Assert.Equal("shizuoka", await AnswerTo(bot, "prefecture"));
    }

    [Fact]
    public async Task A_prefecture_typed_while_a_region_is_open_is_read_like_any_reply()
    {
        using var bot = RealBot();
        await AtThePrefecture(bot)
            .Send("近畿").Send("札幌です").ExpectReplyContaining("（所在地は「北海道」と受け取りました）")
            .RunAsync();

        Assert.Equal("hokkaido", await AnswerTo(bot, "prefecture"));
    }

    [Fact]
    public async Task Every_question_offers_わからない_from_the_start_and_the_counter_never_goes_up_with_buttons()
    {
        using var bot = RealBot();
        var asked = await RunToTheEnd(bot, buttons => buttons[0]);

        Assert.All(asked, q => Assert.Equal("わからない", q.Buttons[^1]));
        AssertCounterNeverGoesUp(asked);
    }

    [Fact]
    public async Task わからない_to_everything_is_accepted_on_every_kind_of_question_and_the_diagnosis_ends()
    {
        using var bot = RealBot();
        var asked = await RunToTheEnd(bot, buttons => buttons[^1]);

        var state = await State(bot);
        Assert.True(state.DiagnosisCompleted);
        Assert.All(state.Answers, a => Assert.Equal("unknown", a.Code));
        // Every kind: choices, the count of people, the yearly amount, and the region step of the prefecture.
        Assert.Contains(state.Answers, a => a.QuestionId == "employees");
        Assert.Contains(state.Answers, a => a.QuestionId == "inv_budget");
        Assert.Contains(state.Answers, a => a.QuestionId == "prefecture");
        AssertCounterNeverGoesUp(asked);
    }

    [Fact]
    public async Task The_counter_never_goes_up_when_every_reply_is_typed()
    {
        using var bot = RealBot();
        var typed = new Dictionary<string, string>
        {
            ["まず、御社の業種"] = "パン屋です", ["従業員は何名"] = "社長と二人", ["地方を選ぶか"] = "都内です",
            ["丸1日使えなくなったら"] = "一部で困る", ["個人情報や"] = "顧客名簿", ["取引先（親会社"] = "ない",
            ["新しく入れる予定"] = "IT導入補助金を使いたい", ["被害に遭うことはありうる"] = "うちは小さいから関係ない",
            ["責任者は決まって"] = "社長", ["損失になりそうか"] = "考えたこともない", ["予算"] = "ゼロ",
            ["主に誰がしていますか"] = "自分で", ["その担当の方は"] = "手探りです", ["相談できる外部"] = "ない",
            ["OS・ソフトは"] = "たまに", ["ウイルス対策ソフトを入れて"] = "入れてる", ["使い回さない"] = "使い回してる",
            ["見られない設定"] = "わからない", ["手口などを"] = "いいえ", ["バックアップ"] = "してないです",
        };
        var asked = await RunToTheEnd(bot, _ => "", text => typed.First(t => text.Contains(t.Key, StringComparison.Ordinal)).Value);

        Assert.Equal(typed.Count, asked.Count);
        AssertCounterNeverGoesUp(asked);
        Assert.True((await State(bot)).DiagnosisCompleted);
    }

    /// <summary>The number goes up by one with each question, the most there can be never goes up, and no question comes
    /// after one that says it is the last.</summary>
    private static void AssertCounterNeverGoesUp(List<(string Text, string[] Buttons)> asked)
    {
        var counters = asked.Select(q => Counter().Match(q.Text)).ToList();
        Assert.All(counters, m => Assert.True(m.Success));
        var numbers = counters.Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var totals = counters.Select(m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(1, asked.Count), numbers.Distinct());
        for (var i = 1; i < totals.Count; i++)
            Assert.True(totals[i] <= totals[i - 1], $"the total went up from {totals[i - 1]} to {totals[i]} at 「{asked[i].Text}」");
        Assert.All(numbers.Zip(totals), p => Assert.True(p.First <= p.Second));
        var last = counters.FindIndex(m => m.Groups[3].Success);
        Assert.True(last < 0 || last == counters.Count - 1, "a question came after the one that said it was the last");
        Assert.True(last < 0 || numbers[last] == totals[last], "the last question's number is its total");
    }

    /// <summary>
    /// Answers every question until the result: with the button <paramref name="press"/> picks, or the text
    /// <paramref name="type"/> gives for the question (a guess asked back is agreed to). Returns each question as shown.
    /// </summary>
    private static async Task<List<(string Text, string[] Buttons)>> RunToTheEnd(
        TestBot bot, Func<string[], string> press, Func<string, string>? type = null)
    {
        var key = new ConversationKey("default", "c1");
        var turn = await bot.Engine.HandleAsync(new IncomingTurn(key, "u1", "診断を始める", "test"), CancellationToken.None);
        var asked = new List<(string, string[])>();
        for (var step = 0; step < 80 && !(await State(bot)).DiagnosisCompleted; step++)
        {
            var last = turn.Replies[^1];
            var buttons = last.Choices.Select(c => c.Label).ToArray();
            if (Counter().IsMatch(last.Text))
                asked.Add((last.Text, buttons));
            var reply = buttons[0] == "はい" ? "はい"
                : type is not null && Counter().IsMatch(last.Text) ? type(last.Text)
                : press(buttons);
            turn = await bot.Engine.HandleAsync(new IncomingTurn(key, "u1", reply, "test"), CancellationToken.None);
        }
        // A region opened by a button is the same question: count it once, as the owner does.
        return asked.Where((q, i) => i == 0 || Counter().Match(q.Item1).Groups[1].Value != Counter().Match(asked[i - 1].Item1).Groups[1].Value).ToList();
    }

    private static async Task<ConversationState> State(TestBot bot) =>
        (await bot.Store.LoadConversationAsync(new ConversationKey("default", "c1"), CancellationToken.None))!.State;

    private static async Task<string?> AnswerTo(TestBot bot, string questionId) =>
        (await State(bot)).Answers.SingleOrDefault(a => a.QuestionId == questionId)?.Code;
}
