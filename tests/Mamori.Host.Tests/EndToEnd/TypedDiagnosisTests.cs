using System.Diagnostics;
using Mamori.Core.Dialogs;
using Mamori.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Mamori.Host.Tests.EndToEnd;

/// <summary>
/// A diagnosis typed on the Web Chat page in Chromium, never a button pressed (<see cref="RamenShopInKyoto"/>), and
/// a reply that names a town in two prefectures, answered with the candidate buttons. Screenshots of the question, the
/// echo line, the confirmation and the candidates go to TestResults/e2e at 360 px and desktop width.
/// </summary>
public sealed class TypedDiagnosisTests(ITestOutputHelper output)
{
    /// <summary>Asked at the menu after the result: one the guidelines answer, one they do not (refused politely).</summary>
    private static readonly string[] FreeQuestions = ["ランサムウェアに感染したら、まず何をすればいいですか？", "明日の天気は？"];

    [ChromiumFact]
    public async Task A_ramen_shop_owner_types_the_whole_diagnosis_and_is_asked_back_only_where_his_reply_is_ambiguous()
    {
        using var host = new HostFactory(scripted: false);
        var (page, chat, session) = await OpenAsync(host);
        await using var _ = session;
        var said = new BotWording(host.Services.GetRequiredService<DialogLanguage>().Wording);

        await chat.TypeAsync(RamenShopInKyoto.Request);
        await WayForward.AssertAsync(chat, $"「{RamenShopInKyoto.Request}」");
        Assert.NotNull(await CurrentQuestionAsync(host, chat));   // the plain-word request started the diagnosis

        var problems = new List<string>();
        var askedBack = new List<string>();
        var clock = Stopwatch.StartNew();
        var slowest = TimeSpan.Zero;
        bool shotQuestion = false, shotEcho = false;
        for (int step = 0; step < 60 && !await chat.HasResultCardAsync(); step++)
        {
            var question = await CurrentQuestionAsync(host, chat) ?? throw new Xunit.Sdk.XunitException(
                $"not at a question: 「{(await chat.BotTextsAsync()).LastOrDefault()}」");
            var (typed, meant) = RamenShopInKyoto.Replies[question.Id];
            string meantLabel = question.LabelOf(meant);
            if (!shotQuestion)
            {
                shotQuestion = true;
                Assert.Contains(question.UnknownLabel, await chat.ButtonsAsync());
                await Screens.ShootAsync(page, chat, "typed-question");
            }

            var turnClock = Stopwatch.StartNew();
            var reply = await SendAsync(chat, typed);
            slowest = turnClock.Elapsed > slowest ? turnClock.Elapsed : slowest;
            await WayForward.AssertAsync(chat, $"{question.Id} 「{typed}」");

            if (said.IsAskedBack(reply[^1]))
            {
                askedBack.Add($"{question.Id} 「{typed}」 → {reply[^1]}");
                // He agrees when the guess is what he meant, and otherwise types what he meant.
                string answer = said.Guess(reply[^1]) == meantLabel ? said.Wording.ConfirmYesLabel : meantLabel;
                reply = await SendAsync(chat, answer);
                await WayForward.AssertAsync(chat, $"{question.Id} 「{answer}」 after being asked back");
                continue;
            }
            if ((await CurrentQuestionAsync(host, chat))?.Id == question.Id && !await chat.HasResultCardAsync())
            {
                askedBack.Add($"{question.Id} 「{typed}」 re-prompted: {string.Join(" | ", reply)}");
                problems.Add($"{question.Id}: 「{typed}」 was not understood");
                await SendAsync(chat, meantLabel);
                await WayForward.AssertAsync(chat, $"{question.Id} 「{meantLabel}」 after a re-prompt");
                continue;
            }

            string? echoed = reply.Select(said.EchoedAnswer).FirstOrDefault(a => a is not null);
            if (echoed is null)
                problems.Add($"{question.Id}: 「{typed}」 got no echo: {string.Join(" | ", reply)}");
            else if (echoed != meantLabel)
                problems.Add($"{question.Id}: 「{typed}」 was read as 「{echoed}」, meant 「{meantLabel}」");
            else if (!shotEcho)
            {
                shotEcho = true;
                await Screens.ShootAsync(page, chat, "typed-echo");
            }
        }
        clock.Stop();

        Assert.True(await chat.HasResultCardAsync(), "the typed diagnosis never reached the result card");
        output.WriteLine($"typed diagnosis: {clock.Elapsed.TotalSeconds:F1} s, slowest turn {slowest.TotalSeconds:F1} s, {askedBack.Count} asked back");
        askedBack.ForEach(output.WriteLine);

        // Free questions at the menu after the result: answered or refused, and either way the owner can go on.
        foreach (string free in FreeQuestions)
        {
            await SendAsync(chat, free);
            await WayForward.AssertAsync(chat, $"the free question 「{free}」 at the menu");
        }

        Assert.True(problems.Count == 0, $"{problems.Count} misreadings:\n" + string.Join("\n", problems));
        var unexpected = askedBack.Where(a => !RamenShopInKyoto.TrulyAmbiguous.Keys.Any(id => a.StartsWith(id + " ", StringComparison.Ordinal))).ToList();
        Assert.True(unexpected.Count == 0, "asked back although the reply was clear:\n" + string.Join("\n", unexpected));
        Assert.True(askedBack.Count <= RamenShopInKyoto.TrulyAmbiguous.Count, $"{askedBack.Count} re-asks for {RamenShopInKyoto.TrulyAmbiguous.Count} ambiguous replies");
    }

    [ChromiumFact]
    public async Task A_town_in_two_prefectures_is_asked_back_with_candidate_buttons_and_a_hedge_is_confirmed()
    {
        using var host = new HostFactory(scripted: false);
        var (page, chat, session) = await OpenAsync(host);
        await using var _ = session;
        var said = new BotWording(host.Services.GetRequiredService<DialogLanguage>().Wording);

        await TypeRamenShopRepliesWhileAsync(host, chat, "industry", "employees");

        Assert.Equal("prefecture", (await CurrentQuestionAsync(host, chat))?.Id);
        var reply = await SendAsync(chat, "府中市です");   // 府中市 is in Tokyo and in Hiroshima
        Assert.True(said.IsCandidates(reply[^1]), $"「府中市です」 should be asked back with candidates: {reply[^1]}");
        var buttons = await chat.ButtonsAsync();
        Assert.Contains("東京都", buttons);
        Assert.Contains("広島県", buttons);
        Assert.Contains(said.Wording.ConfirmNoLabel, buttons);
        await Screens.ShootAsync(page, chat, "candidates");

        await chat.PressAsync("東京都");
        var next = await CurrentQuestionAsync(host, chat);
        Assert.Equal("it_dependence", next?.Id);
        await WayForward.AssertAsync(chat, "pressing 「東京都」");

        reply = await SendAsync(chat, Hedge);
        Assert.True(said.Guess(reply[^1]) is not null, $"「{Hedge}」 should be asked back with a guess: {reply[^1]}");
        await AgreeAndGoOnAsync(host, page, chat, said, "it_dependence", "confirmation");
    }

    [ChromiumFact]
    public async Task Sides_that_differ_by_when_are_asked_with_the_choices_as_buttons()
    {
        using var host = new HostFactory(scripted: false);
        var (page, chat, session) = await OpenAsync(host);
        await using var _ = session;
        var said = new BotWording(host.Services.GetRequiredService<DialogLanguage>().Wording);

        await TypeRamenShopRepliesWhileAsync(host, chat, "industry", "employees", "prefecture");

        Assert.Equal("it_dependence", (await CurrentQuestionAsync(host, chat))?.Id);
        var reply = await SendAsync(chat, "年末の忙しい時期なら止まるけど、普段は平気");
        Assert.True(said.IsCandidates(reply[^1]), $"a reply that differs by when should be asked which: {reply[^1]}");
        var buttons = await chat.ButtonsAsync();
        Assert.Equal("一部で困る", buttons[0]);
        Assert.Contains("仕事が止まる", buttons);
        Assert.Contains("ほぼ困らない", buttons);
        await Screens.ShootAsync(page, chat, "which-by-when");

        await chat.PressAsync("一部で困る");
        Assert.NotEqual("it_dependence", (await CurrentQuestionAsync(host, chat))?.Id);
    }

    [ChromiumFact]
    public async Task A_yes_the_owner_is_not_sure_of_is_asked_which_of_done_and_partly_it_is()
    {
        using var host = new HostFactory(scripted: false);
        var (page, chat, session) = await OpenAsync(host);
        await using var _ = session;
        var said = new BotWording(host.Services.GetRequiredService<DialogLanguage>().Wording);

        // Up to the first measure he types the labels of what he means (no ask-backs on the way).
        await chat.TypeAsync(RamenShopInKyoto.Request);
        for (int step = 0; step < 30 && await CurrentQuestionAsync(host, chat) is { Id: not "m_updates" } question; step++)
            await SendAsync(chat, question.LabelOf(RamenShopInKyoto.Replies[question.Id].Meant));

        Assert.Equal("m_updates", (await CurrentQuestionAsync(host, chat))?.Id);
        var reply = await SendAsync(chat, "自動で更新されてるはず");
        Assert.True(said.IsCandidates(reply[^1]), $"a yes said with はず should be asked which: {reply[^1]}");
        var buttons = await chat.ButtonsAsync();
        Assert.Equal(["できている", "一部だけ", said.Wording.ConfirmNoLabel], buttons);
        await Screens.ShootAsync(page, chat, "which-done-or-partly");

        await chat.PressAsync("できている");
        Assert.NotEqual("m_updates", (await CurrentQuestionAsync(host, chat))?.Id);
    }

    [ChromiumFact]
    public async Task Asking_how_long_the_diagnosis_takes_gets_the_help_with_the_time()
    {
        using var host = new HostFactory(scripted: false);
        var (page, chat, session) = await OpenAsync(host);
        await using var _ = session;

        var reply = await SendAsync(chat, "診断って何分くらいかかりますか？");
        Assert.Contains(reply, t => t.Contains("ボタンで答えると3分ほど", StringComparison.Ordinal));
        Assert.Contains("診断を始める", await chat.ButtonsAsync());
        await Screens.ShootAsync(page, chat, "help-how-long");
    }

    [ChromiumFact]
    public async Task A_goodbye_in_words_the_bot_does_not_know_is_refused_with_終了_one_tap_away()
    {
        using var host = new HostFactory(scripted: false);
        var (page, chat, session) = await OpenAsync(host);
        await using var _ = session;
        var wording = host.Services.GetRequiredService<DialogLanguage>().Wording;

        var reply = await SendAsync(chat, "ありがとう、もう大丈夫です");
        Assert.Contains("「終了」をご希望でしたら、下のボタンを押してください。", reply[^1], StringComparison.Ordinal);
        var buttons = await chat.ButtonsAsync();
        Assert.Equal("終了", buttons[0]);
        Assert.Equal(["診断を始める", "担当者と話したい"], buttons[^2..]);
        await Screens.ShootAsync(page, chat, "refusal-naming-a-command");

        int before = (await chat.BotTextsAsync()).Length;
        await chat.PressAsync("終了");
        var said = await chat.WaitForBotAsync(before);
        Assert.Contains(said, t => t.Contains(wording.QuitMenu, StringComparison.Ordinal));
    }

    [ChromiumFact]
    public async Task A_reply_that_does_not_answer_the_question_is_asked_back_with_the_reason_first()
    {
        using var host = new HostFactory(scripted: false);
        var (page, chat, session) = await OpenAsync(host);
        await using var _ = session;
        var said = new BotWording(host.Services.GetRequiredService<DialogLanguage>().Wording);

        await chat.PressAsync("診断を始める");
        for (int step = 0; step < 40 && (await CurrentQuestionAsync(host, chat))?.Id != "m_passwords"; step++)
            await chat.PressAsync((await chat.ButtonsAsync())[0]);
        Assert.Equal("m_passwords", (await CurrentQuestionAsync(host, chat))?.Id);

        // How the passwords are kept says nothing of how long they are: the bot says why it asks, then asks.
        var reply = await SendAsync(chat, "付箋に書いてモニターに貼ってる");
        Assert.Contains("紙に書いて貼ってあるパスワードは、見た人にも使われてしまいます。", reply[^1], StringComparison.Ordinal);
        Assert.Equal("できていない", said.Guess(reply[^1]));
        await AgreeAndGoOnAsync(host, page, chat, said, "m_passwords", "hint-confirmation");
    }

    [ChromiumFact]
    public async Task A_region_typed_in_a_sentence_opens_its_prefectures_and_an_answer_with_a_question_gets_both()
    {
        using var host = new HostFactory(scripted: false);
        var (page, chat, session) = await OpenAsync(host);
        await using var _ = session;

        await chat.TypeAsync(RamenShopInKyoto.Request);
        while ((await CurrentQuestionAsync(host, chat))?.Id is "industry" or "employees")
            await SendAsync(chat, RamenShopInKyoto.Replies[(await CurrentQuestionAsync(host, chat))!.Id].Typed);

        // 「東北」 is also 青森県's 東北町: typed in a sentence it is the region, and its prefectures follow as buttons.
        var reply = await SendAsync(chat, "東北のほうです");
        Assert.Contains(reply, t => t.Contains("「北海道・東北」のどちらですか？", StringComparison.Ordinal));
        Assert.Contains("宮城県", await chat.ButtonsAsync());
        await Screens.ShootAsync(page, chat, "region-typed");
        await chat.PressAsync("宮城県");
        Assert.Equal("it_dependence", (await CurrentQuestionAsync(host, chat))?.Id);

        // The answer is recorded, the question after it answered from the guidelines, then the next question.
        reply = await SendAsync(chat, "仕事が止まる。うちみたいな小さい店でも狙われるんですか？");
        Assert.Contains(reply, t => t.Contains("（ITが止まったときの影響は「仕事が止まる」と受け取りました）", StringComparison.Ordinal));
        Assert.Contains(reply, t => t.Contains("出典", StringComparison.Ordinal));
        Assert.NotEqual("it_dependence", (await CurrentQuestionAsync(host, chat))?.Id);
        await WayForward.AssertAsync(chat, "an answer followed by a question");
        await Screens.ShootAsync(page, chat, "answer-and-question");
    }

    // An ask-back offers exactly yes and 選び直す; agreeing records the guess and the next question comes with its way forward.
    private static async Task AgreeAndGoOnAsync(HostFactory host, IPage page, WebChatDriver chat, BotWording said,
                                                string questionId, string screen)
    {
        Assert.Equal([said.Wording.ConfirmYesLabel, said.Wording.ConfirmNoLabel], await chat.ButtonsAsync());
        await Screens.ShootAsync(page, chat, screen);
        await chat.PressAsync(said.Wording.ConfirmYesLabel);
        Assert.NotEqual(questionId, (await CurrentQuestionAsync(host, chat))?.Id);
        await WayForward.AssertAsync(chat, $"agreeing to the guess ({screen})");
    }

    [ChromiumFact]
    public async Task A_goodbye_in_words_the_bot_does_not_know_in_the_diagnosis_puts_終了_after_the_question_buttons()
    {
        using var host = new HostFactory(scripted: false);
        var (page, chat, session) = await OpenAsync(host);
        await using var _ = session;
        var wording = host.Services.GetRequiredService<DialogLanguage>().Wording;

        await chat.PressAsync("診断を始める");
        var reply = await SendAsync(chat, "やめるべ、疲れた");
        Assert.Contains(reply, t => t.Contains("「終了」をご希望でしたら、下のボタンを押してください。", StringComparison.Ordinal));
        var buttons = await chat.ButtonsAsync();
        Assert.Equal(["その他", "わからない", "終了"], buttons[^3..]);   // the question's own buttons first
        await Screens.ShootAsync(page, chat, "reprompt-naming-a-command");

        int before = (await chat.BotTextsAsync()).Length;
        await chat.PressAsync("終了");
        var said = await chat.WaitForBotAsync(before);
        Assert.Contains(said, t => t.Contains(wording.QuitDiagnosis, StringComparison.Ordinal));
    }

    /// <summary>A reply a careful person would ask about: "a bit of trouble, maybe, or not really".</summary>
    private const string Hedge = "レジが止まったらちょっと困るかもしれんけど、まあなんとかなるかなあ";

    private static async Task<(IPage Page, WebChatDriver Chat, IAsyncDisposable Session)> OpenAsync(HostFactory host)
    {
        var browser = await Browser.LaunchAsync();
        var context = await browser.Chromium.NewContextAsync(new() { Locale = "ja-JP", ViewportSize = Screens.Desktop });
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseAddress.AbsoluteUri);
        var chat = new WebChatDriver(() => page.MainFrame);
        await chat.WaitForAsync(async () => (await chat.ButtonsAsync()).Length > 0, "the greeting");
        return (page, chat, browser);
    }

    /// <summary>Types a reply and returns the bot's new messages.</summary>
    // Starts the diagnosis in plain words and types the ramen shop's replies while the current question is one of these.
    private static async Task TypeRamenShopRepliesWhileAsync(HostFactory host, WebChatDriver chat, params string[] questionIds)
    {
        await chat.TypeAsync(RamenShopInKyoto.Request);
        while ((await CurrentQuestionAsync(host, chat))?.Id is { } id && questionIds.Contains(id))
            await SendAsync(chat, RamenShopInKyoto.Replies[id].Typed);
    }

    private static async Task<string[]> SendAsync(WebChatDriver chat, string text)
    {
        int before = (await chat.BotTextsAsync()).Length;
        await chat.TypeAsync(text);
        return [.. (await chat.BotTextsAsync()).Skip(before)];
    }

    /// <summary>The question the latest numbered bubble asks, found by its text in the diagnosis data; null if none.</summary>
    private static async Task<FlowQuestion?> CurrentQuestionAsync(HostFactory host, WebChatDriver chat)
    {
        var flow = host.Services.GetRequiredService<IDiagnosisFlow>();
        string? asked = (await chat.BotTextsAsync()).LastOrDefault(t => t.Contains('【', StringComparison.Ordinal));
        if (asked is null)
            return null;
        string bubble = Squeeze(asked);
        return RamenShopInKyoto.Replies.Keys.Select(flow.Find).OfType<FlowQuestion>()
            .Where(q => bubble.Contains(Squeeze(q.Text), StringComparison.Ordinal))
            .MaxBy(q => q.Text.Length);
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
