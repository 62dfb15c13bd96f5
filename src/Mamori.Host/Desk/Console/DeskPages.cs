using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Mamori.Desk.Cases;
using Mamori.Desk.Staff;

namespace Mamori.Host.Desk.Console;

/// <summary>The antiforgery hidden field every form carries (the request token of this response).</summary>
internal sealed record FormToken(string FieldName, string Value);

/// <summary>What the list shows: the desk's open cases, a search by 受付番号, and for a supervisor the recently closed.</summary>
internal sealed record CaseListView(
    IReadOnlyList<DeskCase> Waiting,
    IReadOnlyList<DeskCase> Taken,
    IReadOnlyList<DeskCase>? RecentlyClosed,
    string? Reference,
    IReadOnlyList<DeskCase>? Matches,
    string? Notice);

/// <summary>One case as the sheet shows it, with its chat and what this staff member may do to it.</summary>
/// <param name="CanSend">This staff member has the case and the owner can be answered in the chat.</param>
internal sealed record CaseSheetView(
    DeskCase Case,
    IReadOnlyList<StaffAccount> Colleagues,
    bool CanTake,
    bool CanTransfer,
    bool CanClose,
    string? Notice,
    bool NoticeIsProblem,
    IReadOnlyList<CaseMessage> Messages,
    bool CanSend);

/// <summary>
/// The console's HTML, rendered on the server: every value from data HTML-encoded, one small stylesheet (wwwroot/desk.css)
/// for a 360 px phone and a desktop, and one script (wwwroot/desk-live.js) that only adds live updates: every page works without it.
/// </summary>
internal static class DeskPages
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    internal static string E(string? text) => Html.Encode(text ?? "");

    public static string Login(string tenantId, string tenantName, string? login, string? error, FormToken token)
    {
        var html = Start(DeskWords.ConsoleTitle + " ログイン", tenantName, null, token, refresh: false);
        html.Append("<main class=\"desk-main desk-narrow\"><h1>ログイン</h1>");
        if (error is not null)
            html.Append("<p class=\"desk-notice desk-problem\" role=\"alert\">").Append(E(error)).Append("</p>");
        html.Append("<form method=\"post\" action=\"/desk/login\" class=\"desk-form\">");
        Hidden(html, token.FieldName, token.Value);
        Hidden(html, "tenant", tenantId);
        html.Append("<label for=\"login\">ログインID</label><input id=\"login\" name=\"login\" autocomplete=\"username\" required maxlength=\"200\" value=\"")
            .Append(E(login)).Append("\">")
            .Append("<label for=\"password\">パスワード</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required maxlength=\"256\">")
            .Append("<button type=\"submit\" class=\"desk-button\">ログイン</button></form>")
            .Append("<p class=\"desk-hint\">アカウントをお持ちでない方は、窓口の責任者にお問い合わせください。</p></main>");
        return End(html);
    }

    public static string CaseList(DeskSession session, CaseListView view, IReadOnlyDictionary<string, string> names, DateTimeOffset now, FormToken token)
    {
        var html = Start("相談の一覧 - " + DeskWords.ConsoleTitle, session.Tenant.Options.DisplayName, session, token, refresh: view.Matches is null);
        // data-live: desk-live.js reloads the whole list when a case changes (not a search by 受付番号).
        html.Append("<main class=\"desk-main\"").Append(view.Matches is null ? " data-live=\"list\"" : "").Append("><h1>相談の一覧</h1>");
        if (view.Notice is not null)
            html.Append("<p class=\"desk-notice desk-problem\" role=\"alert\">").Append(E(view.Notice)).Append("</p>");
        html.Append("<form method=\"get\" action=\"/desk\" class=\"desk-search\" role=\"search\"><label for=\"ref\">受付番号で探す</label>")
            .Append("<div class=\"desk-search-row\"><input id=\"ref\" name=\"ref\" inputmode=\"numeric\" placeholder=\"123-456\" maxlength=\"20\" value=\"")
            .Append(E(view.Reference)).Append("\"><button type=\"submit\" class=\"desk-button\">探す</button></div></form>");

        if (view.Matches is { } matches)
        {
            html.Append("<section class=\"desk-section\"><h2>受付番号 ").Append(E(view.Reference)).Append(" の相談</h2>");
            if (matches.Count == 0)
                html.Append("<p>この受付番号の、対応待ち・対応中の相談はありません。番号をもう一度ご確認ください。</p>");
            else
                Cards(html, matches, names, now);
            html.Append("<p><a href=\"/desk\">一覧に戻る</a></p></section>");
        }
        else
        {
            html.Append("<section class=\"desk-section\"><h2>対応待ち（").Append(view.Waiting.Count.ToString(CultureInfo.InvariantCulture)).Append("件、古い順）</h2>");
            if (view.Waiting.Count == 0)
                html.Append("<p class=\"desk-empty\">対応待ちの相談はありません。</p>");
            else
                Cards(html, view.Waiting, names, now);
            html.Append("</section><section class=\"desk-section\"><h2>対応中（").Append(view.Taken.Count.ToString(CultureInfo.InvariantCulture)).Append("件）</h2>");
            if (view.Taken.Count == 0)
                html.Append("<p class=\"desk-empty\">対応中の相談はありません。</p>");
            else
                Cards(html, view.Taken, names, now);
            html.Append("</section>");
            if (view.RecentlyClosed is { } closed)
            {
                html.Append("<section class=\"desk-section\"><h2>最近終了した相談</h2>");
                if (closed.Count == 0)
                    html.Append("<p class=\"desk-empty\">まだありません。</p>");
                else
                    Cards(html, closed, names, now);
                html.Append("</section>");
            }
            html.Append("<p class=\"desk-hint\">この一覧は30秒ごとに自動で新しくなります。</p>");
        }
        html.Append("</main>");
        return End(html);
    }

    private static void Cards(StringBuilder html, IReadOnlyList<DeskCase> cases, IReadOnlyDictionary<string, string> names, DateTimeOffset now)
    {
        html.Append("<ul class=\"desk-cards\">");
        foreach (var c in cases)
        {
            html.Append("<li class=\"desk-card desk-state-").Append(E(c.State.ToString().ToLowerInvariant())).Append("\"><a class=\"desk-card-link\" href=\"/desk/cases/")
                .Append(E(Uri.EscapeDataString(c.Id))).Append("\"><span class=\"desk-ref\">受付番号 ").Append(E(CaseReference.Of(c.Id))).Append("</span>")
                .Append("<span class=\"desk-badges\"><span class=\"desk-badge\">").Append(E(DeskWords.State(c.State))).Append("</span><span class=\"desk-badge\">")
                .Append(E(ChannelNames.Japanese(c.Channel))).Append("</span></span></a>");
            html.Append("<p class=\"desk-reason\">").Append(E(c.Reason)).Append("</p><p class=\"desk-meta\">");
            if (c.State == CaseState.Waiting)
                html.Append("待ち時間 <strong>").Append(E(DeskWords.Minutes(c.OpenedAt, now))).Append("</strong>");
            else if (c.IsOpen)
                html.Append("担当: ").Append(E(Name(names, c.TakenBy))).Append("（").Append(E(DeskWords.Time(c.TakenAt ?? c.OpenedAt))).Append("から）");
            else
                html.Append(E(c.Outcome is { } o ? DeskWords.Outcome(o) : DeskWords.State(c.State))).Append("・").Append(E(DeskWords.Time(c.ClosedAt ?? c.OpenedAt)));
            if (c.Snapshot.Diagnosis?.PrimaryBarrier is { } barrier)
                html.Append("　<span class=\"desk-barrier\">課題: ").Append(E(DeskWords.Barrier(barrier))).Append("</span>");
            html.Append("</p></li>");
        }
        html.Append("</ul>");
    }

    public static string Sheet(DeskSession session, CaseSheetView view, IReadOnlyDictionary<string, string> names, FormToken token)
    {
        var c = view.Case;
        string reference = CaseReference.Of(c.Id);
        var html = Start($"受付番号 {reference} - {DeskWords.ConsoleTitle}", session.Tenant.Options.DisplayName, session, token, refresh: false);
        html.Append("<main class=\"desk-main\"><p class=\"desk-back\"><a href=\"/desk\">← 相談の一覧</a></p><h1>受付番号 ").Append(E(reference)).Append("</h1>");
        if (!string.IsNullOrEmpty(view.Notice))
            html.Append("<p class=\"desk-notice").Append(view.NoticeIsProblem ? " desk-problem" : "").Append("\" role=\"status\">").Append(E(view.Notice)).Append("</p>");

        html.Append("<div class=\"desk-sheet\"><div class=\"desk-column\"><section class=\"desk-section\"><h2>相談の概要</h2><dl class=\"desk-facts\">");
        Fact(html, "状態", DeskWords.State(c.State));
        Fact(html, "担当", c.TakenBy is null ? "（まだいません）" : Name(names, c.TakenBy));
        Fact(html, "経路", ChannelNames.Japanese(c.Channel));
        Fact(html, "受付日時", DeskWords.Time(c.OpenedAt));
        Fact(html, "きっかけ", c.Reason);
        if (c.Contact is { } contact)
            Fact(html, "連絡の希望", DeskWords.Contact(contact.Method) + (contact.Contact is { Length: > 0 } to ? "：" + to : "") + "（同意 " + DeskWords.Time(contact.ConsentedAt) + "）");
        if (c.Outcome is { } outcome)
            Fact(html, "結果", DeskWords.Outcome(outcome));
        if (c.Notes is { Length: > 0 } notes)
            Fact(html, "メモ", notes);
        html.Append("</dl></section>");

        Chat(html, view, names, token);
        Actions(html, view, token);

        html.Append("</div><div class=\"desk-column\"><section class=\"desk-section\"><h2>診断の結果</h2>");
        if (c.Snapshot.Diagnosis is { } d)
        {
            html.Append("<dl class=\"desk-facts\">");
            Fact(html, "主な課題", d.PrimaryBarrier is { } b ? DeskWords.Barrier(b) : "特になし");
            Fact(html, "成熟度", d.MaturityStep is { } step ? $"ステップ {step.ToString(CultureInfo.InvariantCulture)}（4段階）" : "判定できません（「わからない」が多いため）");
            html.Append("</dl>");
            foreach (var line in d.Text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                html.Append("<p>").Append(E(line)).Append("</p>");
            if (d.Measures.Count > 0)
            {
                html.Append("<h3>おすすめした対策</h3><ul>");
                foreach (var m in d.Measures)
                    html.Append("<li>").Append(E(m)).Append("</li>");
                html.Append("</ul>");
            }
            html.Append("<p><a href=\"/desk/cases/").Append(E(Uri.EscapeDataString(c.Id))).Append("/report\">報告書（相談員向けの注意つき）を開く</a></p>");
        }
        else
        {
            html.Append("<p class=\"desk-empty\">診断の途中で相談されたため、結果はまだありません。</p>");
        }
        html.Append("</section><section class=\"desk-section\"><h2>会社についての回答</h2>");
        if (c.Snapshot.Answers.Count == 0)
            html.Append("<p class=\"desk-empty\">回答はまだありません。</p>");
        else
        {
            html.Append("<dl class=\"desk-answers\">");
            foreach (var a in c.Snapshot.Answers)
                html.Append("<div><dt>").Append(E(a.Topic)).Append("</dt><dd>").Append(E(a.Answer)).Append("</dd></div>");
            html.Append("</dl>");
        }
        html.Append("</section><section class=\"desk-section\"><h2>最近のやりとり</h2>");
        if (c.Snapshot.Transcript.Count == 0)
            html.Append("<p class=\"desk-empty\">やりとりの記録はありません。</p>");
        else
        {
            html.Append("<ol class=\"desk-transcript\">");
            foreach (var line in c.Snapshot.Transcript)
            {
                bool owner = line.Role == TranscriptRole.Owner;
                html.Append("<li class=\"").Append(owner ? "desk-owner" : "desk-bot").Append("\"><span class=\"desk-who\">").Append(owner ? "相談者" : "まもり")
                    .Append("　").Append(E(DeskWords.Time(line.At))).Append("</span><span class=\"desk-said\">").Append(E(line.Text)).Append("</span></li>");
            }
            html.Append("</ol>");
        }
        html.Append("</section></div></div></main>");
        return End(html);
    }

    /// <summary>The case chat (owner, staff, Mamori's own lines), newest last, and the reply box for the one who has the case.</summary>
    private static void Chat(StringBuilder html, CaseSheetView view, IReadOnlyDictionary<string, string> names, FormToken token)
    {
        var c = view.Case;
        if (c.Route is null && view.Messages.Count == 0)
            return;
        long last = view.Messages.Count == 0 ? 0 : view.Messages[^1].Sequence;
        html.Append("<section class=\"desk-section desk-chat\" id=\"chat\" data-case=\"").Append(E(c.Id)).Append("\" data-after=\"")
            .Append(last.ToString(CultureInfo.InvariantCulture)).Append("\" data-version=\"").Append(c.Version.ToString(CultureInfo.InvariantCulture))
            .Append("\"><h2>お客さまとのチャット</h2><ol class=\"desk-messages\" id=\"desk-messages\" aria-live=\"polite\">");
        foreach (var m in view.Messages)
        {
            html.Append("<li class=\"").Append(m.From switch { MessageSender.Owner => "desk-owner", MessageSender.Staff => "desk-staff", _ => "desk-system" })
                .Append("\"><span class=\"desk-who\">").Append(E(Who(m, names))).Append("　").Append(E(DeskWords.Time(m.At)))
                .Append("</span><span class=\"desk-said\">").Append(E(m.Text)).Append("</span></li>");
        }
        html.Append("</ol>");
        if (view.Messages.Count == 0)
            html.Append("<p class=\"desk-empty\" id=\"desk-no-messages\">まだメッセージはありません。</p>");
        if (view.CanSend)
        {
            html.Append("<form method=\"post\" action=\"/desk/cases/").Append(E(Uri.EscapeDataString(c.Id))).Append("/send\" class=\"desk-form desk-send\" id=\"desk-send\">");
            Hidden(html, token.FieldName, token.Value);
            html.Append("<label for=\"text\">お客さまへの返信</label><textarea id=\"text\" name=\"text\" rows=\"3\" maxlength=\"")
                .Append(DeskWords.MessageMaxLength.ToString(CultureInfo.InvariantCulture)).Append("\"></textarea>")
                .Append("<label for=\"canned\">定型文（文章が空のときに送ります）</label><select id=\"canned\" name=\"canned\"><option value=\"\">使わない</option>");
            foreach (var (key, label, text) in DeskWords.CannedReplies)
                html.Append("<option value=\"").Append(E(key)).Append("\" data-text=\"").Append(E(text)).Append("\">").Append(E(label)).Append("</option>");
            html.Append("</select><button type=\"submit\" class=\"desk-button\">送る</button></form>");
        }
        else if (c.State == CaseState.Waiting)
        {
            html.Append("<p class=\"desk-empty\">担当になると、ここからお客さまに返信できます。</p>");
        }
        html.Append("</section>");
    }

    /// <summary>Who wrote a chat line, as the desk reads it.</summary>
    public static string Who(CaseMessage message, IReadOnlyDictionary<string, string> names) => message.From switch
    {
        MessageSender.Owner => "相談者",
        MessageSender.Staff => Name(names, message.StaffId),
        _ => "まもり",
    };

    private static void Actions(StringBuilder html, CaseSheetView view, FormToken token)
    {
        var c = view.Case;
        string path = "/desk/cases/" + Uri.EscapeDataString(c.Id);
        string version = c.Version.ToString(CultureInfo.InvariantCulture);
        if (!view.CanTake && !view.CanTransfer && !view.CanClose)
            return;
        html.Append("<section class=\"desk-section desk-actions\"><h2>対応する</h2>");
        if (view.CanTake)
        {
            html.Append("<form method=\"post\" action=\"").Append(E(path + "/take")).Append("\" class=\"desk-form\">");
            Hidden(html, token.FieldName, token.Value);
            Hidden(html, "version", version);
            html.Append("<button type=\"submit\" class=\"desk-button\">この相談の担当になる</button></form>");
        }
        if (view.CanTransfer)
        {
            var others = view.Colleagues.Where(s => s.Id != c.TakenBy).ToList();
            if (others.Count > 0)
            {
                html.Append("<form method=\"post\" action=\"").Append(E(path + "/transfer")).Append("\" class=\"desk-form\"><h3>ほかの担当者に引き継ぐ</h3>");
                Hidden(html, token.FieldName, token.Value);
                Hidden(html, "version", version);
                html.Append("<label for=\"to\">引き継ぐ相手</label><select id=\"to\" name=\"to\" required><option value=\"\">選んでください</option>");
                foreach (var s in others)
                    html.Append("<option value=\"").Append(E(s.Id)).Append("\">").Append(E(s.DisplayName)).Append("</option>");
                html.Append("</select><button type=\"submit\" class=\"desk-button desk-secondary\">引き継ぐ</button></form>");
            }
        }
        if (view.CanClose)
        {
            html.Append("<form method=\"post\" action=\"").Append(E(path + "/close")).Append("\" class=\"desk-form\"><h3>")
                .Append(c.Route is null ? "相談を終える" : "相談を終えて、まもりに戻す").Append("</h3>");
            if (c.Route is not null)
                html.Append("<p class=\"desk-hint\">お客さまには、まもりとの会話に戻ることと、対応へのご評価（5段階）をお願いするメッセージが届きます。診断の途中なら、同じ質問から再開します。</p>");
            Hidden(html, token.FieldName, token.Value);
            Hidden(html, "version", version);
            html.Append("<fieldset><legend>対応の結果</legend>");
            foreach (var (_, value, label) in DeskWords.Outcomes)
                html.Append("<label class=\"desk-choice\"><input type=\"radio\" name=\"outcome\" required value=\"").Append(E(value)).Append("\"> ").Append(E(label)).Append("</label>");
            html.Append("</fieldset><label for=\"notes\">メモ（任意、2000文字まで）</label><textarea id=\"notes\" name=\"notes\" rows=\"4\" maxlength=\"")
                .Append(DeskWords.NotesMaxLength.ToString(CultureInfo.InvariantCulture)).Append("\"></textarea>")
                .Append("<button type=\"submit\" class=\"desk-button\">").Append(c.Route is null ? "終了する" : "終了して、まもりに戻す").Append("</button></form>");
        }
        html.Append("</section>");
    }

    /// <summary>A page that says one thing: not found, a form that expired, too many attempts…</summary>
    public static string Message(string title, string text, string? tenantName, DeskSession? session, FormToken? token, string linkHref, string linkText)
    {
        var html = Start(title + " - " + DeskWords.ConsoleTitle, tenantName, session, token, refresh: false);
        html.Append("<main class=\"desk-main desk-narrow\"><h1>").Append(E(title)).Append("</h1><p>").Append(E(text)).Append("</p><p><a href=\"")
            .Append(E(linkHref)).Append("\">").Append(E(linkText)).Append("</a></p></main>");
        return End(html);
    }

    internal static StringBuilder Start(string title, string? tenantName, DeskSession? session, FormToken? token, bool refresh)
    {
        var html = new StringBuilder(8 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        if (refresh)
            html.Append("<meta http-equiv=\"refresh\" content=\"30\">");
        html.Append("<title>").Append(E(title)).Append("</title><link rel=\"stylesheet\" href=\"/desk.css\"></head><body>")
            .Append("<header class=\"desk-header\"><div class=\"desk-header-inner\"><p class=\"desk-title\"><span class=\"desk-tenant\">")
            .Append(E(tenantName)).Append("</span>").Append(E(DeskWords.ConsoleTitle)).Append("</p>");
        if (session is not null && token is not null)
        {
            html.Append("<nav class=\"desk-nav\"><a href=\"/desk\">相談の一覧</a><a href=\"/desk/companies\">会社の診断</a><a href=\"/desk/dashboard\">集計</a></nav>")
                .Append("<form method=\"post\" action=\"/desk/logout\" class=\"desk-logout\"><span class=\"desk-me\">")
                .Append(E(session.Staff.DisplayName)).Append(session.IsSupervisor ? "（責任者）" : "").Append("</span>");
            Hidden(html, token.FieldName, token.Value);
            html.Append("<button type=\"submit\" class=\"desk-link-button\">ログアウト</button></form>");
        }
        html.Append("</div></header>");
        return html;
    }

    internal static string End(StringBuilder html) => html.Append("<script src=\"/desk-live.js\" defer></script></body></html>").ToString();

    internal static void Hidden(StringBuilder html, string name, string value) =>
        html.Append("<input type=\"hidden\" name=\"").Append(E(name)).Append("\" value=\"").Append(E(value)).Append("\">");

    internal static void Fact(StringBuilder html, string label, string value) =>
        html.Append("<div><dt>").Append(E(label)).Append("</dt><dd>").Append(E(value)).Append("</dd></div>");

    private static string Name(IReadOnlyDictionary<string, string> names, string? staffId) =>
        staffId is null ? "" : names.TryGetValue(staffId, out var name) ? name : "（削除されたアカウント）";
}
