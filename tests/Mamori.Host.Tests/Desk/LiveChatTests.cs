using System.Net;
using Mamori.Core.Dialogs;
using Mamori.Desk.Cases;
using static Mamori.Host.Tests.Desk.DeskOwner;

namespace Mamori.Host.Tests.Desk;

/// <summary>
/// The live chat between an owner in the web chat and a desk member in the console, with the real engine: asked for a
/// person midway through the diagnosis, the desk takes the case, they write to each other in Japanese, the desk hands
/// back, the owner rates it and the diagnosis resumes at the same question. And the honest answers when nobody can reply.
/// </summary>
public sealed class LiveChatTests : IDisposable
{
    private const string DeskName = "まもり商工会 経営相談窓口";
    private readonly DeskHost _host = new(new Dictionary<string, string?> { ["Tenants:default:SupportDesk:Name"] = DeskName }, scripted: false);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task An_owner_asks_for_a_person_midway_chats_with_the_desk_is_handed_back_and_the_diagnosis_resumes()
    {
        await _host.AddStaffAsync("default", "sato", "佐藤 花子");
        var desk = await _host.SignedInAsync("default", "sato");
        (await desk.GetAsync("desk")).Dispose();   // the list open at the console: the desk can answer now
        var owner = await StartAsync(_host.Factory, "default");
        int question = await AnswerSomeQuestionsAsync(owner, 3);

        string waiting = Text(await owner.SayAsync("担当者と話したい"));
        Assert.Contains("担当者に伝えましたので、このままお待ちください。次にご案内します。", waiting);
        Assert.Contains("「終了」と送ると", waiting);
        string noted = Text(await owner.SayAsync("パスワードを社員で使い回しているので相談したいです"));
        Assert.Contains("担当者に伝えました", noted);

        var opened = await OpenCaseAsync(owner);
        Assert.Equal(CaseState.Waiting, opened.State);
        Assert.Equal(question - 1, opened.Snapshot.Answers.Count);
        // The chat so far: each question asked, then the owner's reply.
        Assert.Equal(2 * (question - 1), opened.Snapshot.Transcript.Count);
        Assert.Equal(opened.Snapshot.Answers.Select(a => a.Answer), opened.Snapshot.Transcript.Where(l => l.Role == TranscriptRole.Owner).Select(l => l.Text));
        string sheet = await (await desk.GetAsync(DeskActions.SheetPath(opened))).Content.ReadAsStringAsync();
        Assert.Contains("お客さまとのチャット", sheet);
        Assert.Contains("パスワードを社員で使い回しているので相談したいです", sheet);

        await DeskActions.ActAsync(_host, desk, opened, "take");
        Assert.Contains("まもり商工会 経営相談窓口の佐藤 花子が担当します。", Text(await owner.NextAsync()));

        var sent = await DeskActions.ActAsync(_host, desk, opened, "send", ("text", "佐藤です。使い回しは、まず社員ごとのパスワードに分けるところから始めましょう。"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.EndsWith("done=sent#chat", sent.Headers.Location!.OriginalString);
        Assert.Equal("佐藤 花子（まもり商工会 経営相談窓口）：\n佐藤です。使い回しは、まず社員ごとのパスワードに分けるところから始めましょう。", Text(await owner.NextAsync()));

        await owner.Client.PostAsync("わかりました。やってみます。");
        Assert.Equal(0, await owner.CountAfterQuietAsync(TimeSpan.FromMilliseconds(800)));   // the bot keeps quiet while a person has the chat
        var chat = await DeskActions.MessagesAsync(desk, opened, after: 0);
        Assert.Equal(["owner", "system", "staff", "owner"], chat.Select(m => (string)m!["from"]!));
        Assert.Equal("わかりました。やってみます。", (string)chat[^1]!["text"]!);
        Assert.Equal([1L, 2L, 3L, 4L], chat.Select(m => (long)m!["seq"]!));
        Assert.Empty(await DeskActions.MessagesAsync(desk, opened, after: 4));   // read from the last number: nothing twice

        await DeskActions.ActAsync(_host, desk, opened, "close", ("outcome", "resolved"), ("notes", "パスワードの分け方を案内"));
        var handedBack = await owner.NextAsync();
        Assert.Contains("佐藤 花子とのお話はここまでです。ここからは、まもりがお答えします。", Text(handedBack));
        Assert.Equal(["5 とても満足", "4 満足", "3 ふつう", "2 やや不満", "1 不満", "答えない"], Buttons(handedBack));

        var resumed = await owner.SayAsync("5 とても満足");
        Assert.Contains("ご回答ありがとうございました。", Text(resumed));
        Assert.Equal(question, QuestionNumber(resumed));   // the diagnosis goes on at the question it was on

        var closed = await _host.Store.GetCaseAsync("default", opened.Id, default);
        Assert.Equal((CaseState.Closed, CaseOutcome.Resolved, 5, (string?)null, false),
            (closed!.State, closed.Outcome, closed.Satisfaction, closed.Route, closed.RatingAsked));
        var next = await owner.SayAsync(Buttons(resumed)[0]);
        if (QuestionNumber(next) == 0)
            next = await owner.SayAsync(Buttons(next)[0]);   // a region is narrowed to its prefecture first
        Assert.Equal(question + 1, QuestionNumber(next));   // and the next answer is the diagnosis's again
    }

    [Fact]
    public async Task With_nobody_at_the_console_the_owner_is_told_so_and_leaves_a_phone_number_with_consent()
    {
        await _host.AddStaffAsync("default", "kato", "加藤 一郎");   // an account, but nobody signed in
        var owner = await StartAsync(_host.Factory, "default");
        await AnswerSomeQuestionsAsync(owner, 2);

        var away = await owner.SayAsync("担当者と話したい");
        Assert.Contains("いまこのチャットでお返事できません", Text(away));
        Assert.Contains("このご相談のご連絡にだけ使い、ご相談が終わると消去します", Text(away));
        Assert.Equal(["電話で連絡がほしい", "メールで連絡がほしい", "このチャットで返事を待つ", "やめておく"], Buttons(away));

        Assert.Contains("お電話番号を入力してください", Text(await owner.SayAsync("電話で連絡がほしい")));
        string saved = Text(await owner.SayAsync("０３－１２３４－５６７８"));
        Assert.Contains("担当者から 03-1234-5678 にお電話します。", saved);

        var opened = await OpenCaseAsync(owner);
        Assert.Equal((ContactMethod.Phone, "03-1234-5678"), (opened.Contact!.Method, opened.Contact.Contact));
        Assert.Contains("書き足したいこと", saved);

        string back = Text(await owner.SayAsync("終了"));
        Assert.Contains("ご相談を取り下げました。", back);
        Assert.Contains("前回の続き", back);
        var cancelled = await _host.Store.GetCaseAsync("default", opened.Id, default);
        Assert.Equal((CaseState.Cancelled, (string?)null, (string?)null), (cancelled!.State, cancelled.Contact!.Contact, cancelled.Route));
    }

    [Fact]
    public async Task Outside_the_announced_hours_the_owner_hears_the_hours_even_with_someone_at_the_console()
    {
        using var closedToday = new DeskHost(new Dictionary<string, string?>
        {
            ["Tenants:default:SupportDesk:Name"] = DeskName,
            ["Tenants:default:SupportDesk:Hours:Opens"] = "09:00",
            ["Tenants:default:SupportDesk:Hours:Closes"] = "17:00",
            ["Tenants:default:SupportDesk:Hours:ClosedDates:0"] = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).ToString("yyyy-MM-dd"),
        }, scripted: false);
        await closedToday.AddStaffAsync("default", "sato", "佐藤 花子");
        (await (await closedToday.SignedInAsync("default", "sato")).GetAsync("desk")).Dispose();
        var owner = await StartAsync(closedToday.Factory, "default");

        string away = Text(await owner.SayAsync("担当者と話したい"));

        Assert.Contains("いまこのチャットでお返事できません。（受付時間：月〜金 9:00〜17:00）", away);
        Assert.Contains("このチャットで返事を待つ", Buttons(await owner.SayAsync("明日でいいので教えてほしいことがあります")));   // asked again how to reach them
        Assert.Contains("担当者が、このチャットでお返事します。", Text(await owner.SayAsync("このチャットで返事を待つ")));
    }

    [Fact]
    public async Task Console_chat_endpoints_answer_bad_input_with_a_reason_and_another_desk_never_sees_the_case()
    {
        await _host.AddStaffAsync("default", "sato", "佐藤 花子");
        await _host.AddStaffAsync("default", "ito", "伊藤 次郎");
        await _host.AddStaffAsync("chamber", "other", "別の 窓口");
        var desk = await _host.SignedInAsync("default", "sato");
        var colleague = await _host.SignedInAsync("default", "ito");
        var elsewhere = await _host.SignedInAsync("chamber", "other");
        var owner = await StartAsync(_host.Factory, "default");
        await owner.SayAsync("担当者と話したい");
        var opened = await OpenCaseAsync(owner);

        foreach (string after in new[] { "-1", "abc", "1e3", "99999999999999999999" })
        {
            using var bad = await desk.GetAsync($"desk/cases/{opened.Id}/messages?after={after}");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("after は 0 以上の整数", await bad.Content.ReadAsStringAsync());
        }
        using (var theirs = await elsewhere.GetAsync($"desk/cases/{opened.Id}/messages"))
            Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        using (var anonymous = await _host.NewBrowser().GetAsync($"desk/cases/{opened.Id}/messages"))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using (var notSocket = await desk.GetAsync("desk/live"))
            Assert.Equal(HttpStatusCode.BadRequest, notSocket.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await SocketStatusAsync(cookie: null, origin: null));
        Assert.Equal(HttpStatusCode.Forbidden, await SocketStatusAsync(await _host.SessionCookieAsync("default", "sato"), "https://evil.example"));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await SocketStatusAsync(await _host.SessionCookieAsync("default", "sato"), _host.Factory.BaseAddress.GetLeftPart(UriPartial.Authority)));

        var beforeTaking = await DeskActions.ActAsync(_host, desk, opened, "send", ("text", "こんにちは"));
        Assert.Equal(HttpStatusCode.BadRequest, beforeTaking.StatusCode);
        Assert.Contains("先に担当になってください", await beforeTaking.Content.ReadAsStringAsync());
        await DeskActions.ActAsync(_host, desk, opened, "take");
        await owner.NextAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await DeskActions.ActAsync(_host, colleague, opened, "send", ("text", "横から失礼します"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await DeskActions.ActAsync(_host, elsewhere, opened, "send", ("text", "x"))).StatusCode);
        Assert.Contains("送る文章を入力するか", await (await DeskActions.ActAsync(_host, desk, opened, "send", ("text", "   "))).Content.ReadAsStringAsync());
        Assert.Contains("1000文字以内", await (await DeskActions.ActAsync(_host, desk, opened, "send", ("text", new string('あ', 1001)))).Content.ReadAsStringAsync());

        var canned = await DeskActions.ActAsync(_host, desk, opened, "send", ("text", ""), ("canned", "checking"));
        Assert.Equal(HttpStatusCode.Redirect, canned.StatusCode);
        Assert.Contains("確認しますので、少しお待ちください。", Text(await owner.NextAsync()));
        Assert.Equal(2, (await DeskActions.MessagesAsync(desk, opened, after: 0)).Count);   // the 「担当しました」 line and the canned reply
    }

    /// <summary>The status of a WebSocket handshake on /desk/live with this cookie and Origin.</summary>
    private async Task<HttpStatusCode> SocketStatusAsync(string? cookie, string? origin)
    {
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (cookie is not null)
            socket.Options.SetRequestHeader("Cookie", cookie);
        if (origin is not null)
            socket.Options.SetRequestHeader("Origin", origin);
        try
        {
            await socket.ConnectAsync(new Uri(_host.Factory.BaseAddress.AbsoluteUri.Replace("http", "ws", StringComparison.Ordinal) + "desk/live"), default);
            await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "", default);
        }
        catch (System.Net.WebSockets.WebSocketException)
        {
            // refused: the status says why
        }
        return socket.HttpStatusCode;
    }

    /// <summary>Starts the diagnosis and answers with the first button until the given question is asked; returns its number.</summary>
    private static async Task<int> AnswerSomeQuestionsAsync(DeskOwner owner, int upTo)
    {
        var replies = await owner.SayAsync("診断を始める");
        for (int i = 0; i < 20 && QuestionNumber(replies) < upTo; i++)
            replies = await owner.SayAsync(Buttons(replies)[0]);
        Assert.Equal(upTo, QuestionNumber(replies));
        return upTo;
    }

    private async Task<DeskCase> OpenCaseAsync(DeskOwner owner) =>
        (await _host.Store.FindOpenCaseAsync(new ConversationKey("default", owner.Client.ConversationId), default))!;
}
