using System.Net;
using Mamori.Desk.Audit;
using Mamori.Desk.Cases;
using Mamori.Desk.Staff;

namespace Mamori.Host.Tests.Desk;

public sealed class DeskCaseTests(DeskHost host) : IClassFixture<DeskHost>
{
    internal static CaseSnapshot Snapshot(DateTimeOffset at) => new(
        new CaseDiagnosis("取り組む理由がまだはっきりしていない段階です。\nまずは身近な被害例を知ることから。", "motivation", 1,
            ["パスワードを使い回さない", "OSとソフトを最新にする"]),
        [new ProfileAnswer("業種", "飲食業（ラーメン店）"), new ProfileAnswer("従業員数", "5人"), new ProfileAnswer("パソコンの台数", "わからない")],
        [
            new TranscriptLine(TranscriptRole.Bot, "パソコンは何台ありますか？", at),
            new TranscriptLine(TranscriptRole.Owner, "わからない", at),
            new TranscriptLine(TranscriptRole.Owner, "担当者と話したい", at),
        ]);

    private static string Sheet(DeskCase c) => "desk/cases/" + Uri.EscapeDataString(c.Id);

    [Fact]
    public async Task The_list_shows_the_desks_own_cases_oldest_first_with_reference_channel_and_barrier()
    {
        string tenant = "chamber";
        var staff = await host.AddStaffAsync(tenant, "list-staff", "一覧 さん");
        var first = await host.OpenCaseAsync(tenant, "最初の相談<script>alert(1)</script>", "line", Snapshot(DateTimeOffset.UtcNow));
        var second = await host.OpenCaseAsync(tenant, "二番目の相談", "msteams");
        var taken = await host.OpenCaseAsync(tenant, "対応中の相談", "directline");
        await host.Store.TakeAsync(tenant, taken.Id, staff.Id, taken.Version, default);
        var elsewhere = await host.OpenCaseAsync("default", "よその窓口の相談");

        var browser = await host.SignedInAsync(tenant, "list-staff");
        string html = await (await browser.GetAsync("desk")).Content.ReadAsStringAsync();

        Assert.Contains(CaseReference.Of(first.Id), html);
        Assert.True(html.IndexOf(CaseReference.Of(first.Id), StringComparison.Ordinal) < html.IndexOf(CaseReference.Of(second.Id), StringComparison.Ordinal));
        Assert.Contains("最初の相談&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("LINE", html);
        Assert.Contains("Teams", html);
        Assert.Contains("課題: 取り組む動機", html);
        Assert.Contains("待ち時間 <strong>0分</strong>", html);
        Assert.Contains("担当: 一覧 さん", html);
        Assert.DoesNotContain("よその窓口の相談", html);
        Assert.DoesNotContain(CaseReference.Of(elsewhere.Id), html);
        Assert.DoesNotContain("最近終了した相談", html);
        Assert.Contains("テスト商工会議所", html);
    }

    [Fact]
    public async Task The_reference_search_finds_the_open_case_as_people_type_it()
    {
        string tenant = "chamber";
        await host.AddStaffAsync(tenant, "ref-staff", "番号 さん");
        var wanted = await host.OpenCaseAsync(tenant, "番号で探される相談");
        await host.OpenCaseAsync(tenant, "ほかの相談");
        string reference = CaseReference.Of(wanted.Id);
        string fullWidth = string.Concat(reference.Replace("-", "", StringComparison.Ordinal).Select(c => (char)(c - '0' + '０')));

        var browser = await host.SignedInAsync(tenant, "ref-staff");
        using var found = await browser.GetAsync("desk?ref=" + Uri.EscapeDataString(fullWidth));
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        string html = await found.Content.ReadAsStringAsync();
        Assert.Contains("番号で探される相談", html);
        Assert.DoesNotContain("ほかの相談", html);
        Assert.Contains("href=\"/desk/cases/" + Uri.EscapeDataString(wanted.Id), html);

        using var bad = await browser.GetAsync("desk?ref=12-ab");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("受付番号は6桁の数字で入力してください", await bad.Content.ReadAsStringAsync());

        string other = reference == "000-000" ? "000-001" : "000-000";
        string none = await (await browser.GetAsync("desk?ref=" + other)).Content.ReadAsStringAsync();
        Assert.Contains("この受付番号の、対応待ち・対応中の相談はありません", none);
    }

    [Fact]
    public async Task The_sheet_shows_the_snapshot_and_another_desks_case_is_404_like_an_unknown_id()
    {
        var staffA = await host.AddStaffAsync("default", "sheet-a", "A窓口 さん");
        await host.AddStaffAsync("chamber", "sheet-b", "B窓口 さん");
        var mine = await host.OpenCaseAsync("default", "資金の相談がしたい", "line", Snapshot(new DateTimeOffset(2026, 12, 3, 6, 5, 0, TimeSpan.Zero)));
        var theirs = await host.OpenCaseAsync("chamber", "B窓口の相談");
        mine = (await host.Store.SetContactAsync("default", mine.Id, new ContactPreference(ContactMethod.Phone, "03-1234-5678", DateTimeOffset.UtcNow), mine.Version, default)).Case!;

        var browser = await host.SignedInAsync("default", "sheet-a");
        using var sheet = await browser.GetAsync(Sheet(mine));
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        string html = await sheet.Content.ReadAsStringAsync();
        Assert.Contains("受付番号 " + CaseReference.Of(mine.Id), html);
        Assert.Contains("資金の相談がしたい", html);
        Assert.Contains("<dt>業種</dt><dd>飲食業（ラーメン店）</dd>", html);
        Assert.Contains("パスワードを使い回さない", html);
        Assert.Contains("ステップ 1", html);
        Assert.Contains("担当者と話したい", html);
        Assert.Contains("12月3日 15:05", html);   // Japan time
        Assert.Contains("この相談の担当になる", html);
        Assert.Contains("LINE", html);
        Assert.Contains("電話：03-1234-5678", html);

        using var across = await browser.GetAsync(Sheet(theirs));
        using var unknown = await browser.GetAsync("desk/cases/no-such-case-id");
        Assert.Equal(HttpStatusCode.NotFound, across.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        string acrossHtml = await across.Content.ReadAsStringAsync();
        Assert.DoesNotContain("B窓口の相談", acrossHtml);
        Assert.Equal(Strip(await unknown.Content.ReadAsStringAsync()), Strip(acrossHtml));

        string token = DeskHost.Token(html);
        using var takeAcross = await DeskHost.PostAsync(browser, Sheet(theirs) + "/take", token, ("version", "1"));
        Assert.Equal(HttpStatusCode.NotFound, takeAcross.StatusCode);
        Assert.Equal(CaseState.Waiting, (await host.Store.GetCaseAsync("chamber", theirs.Id, default))!.State);

        var audit = await host.AuditAsync("default");
        Assert.Contains(audit, e => e.Action == AuditAction.Viewed && e.CaseId == mine.Id && e.StaffId == staffA.Id);
        Assert.DoesNotContain(await host.AuditAsync("chamber"), e => e.Action == AuditAction.Viewed && e.CaseId == theirs.Id);
    }

    [Fact]
    public async Task Take_transfer_and_close_change_the_case_and_write_the_audit_log()
    {
        string tenant = "chamber";
        var me = await host.AddStaffAsync(tenant, "flow-me", "担当 一号");
        var colleague = await host.AddStaffAsync(tenant, "flow-colleague", "担当 二号");
        await host.AddStaffAsync(tenant, "flow-gone", "退職 三号", disabled: true);
        var c = await host.OpenCaseAsync(tenant, "流れの確認");

        var browser = await host.SignedInAsync(tenant, "flow-me");
        string html = await (await browser.GetAsync(Sheet(c))).Content.ReadAsStringAsync();
        using var take = await DeskHost.PostAsync(browser, Sheet(c) + "/take", DeskHost.Token(html), ("version", c.Version.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, take.StatusCode);
        var afterTake = (await host.Store.GetCaseAsync(tenant, c.Id, default))!;
        Assert.Equal(CaseState.Taken, afterTake.State);
        Assert.Equal(me.Id, afterTake.TakenBy);

        html = await (await browser.GetAsync(take.Headers.Location!.OriginalString.TrimStart('/'))).Content.ReadAsStringAsync();
        Assert.Contains("この相談の担当になりました。", html);
        Assert.Contains("担当 二号", html);
        Assert.DoesNotContain("退職 三号</option>", html);
        using var transfer = await DeskHost.PostAsync(browser, Sheet(c) + "/transfer", DeskHost.Token(html), ("version", afterTake.Version.ToString()), ("to", colleague.Id));
        Assert.Equal(HttpStatusCode.Redirect, transfer.StatusCode);
        var afterTransfer = (await host.Store.GetCaseAsync(tenant, c.Id, default))!;
        Assert.Equal(colleague.Id, afterTransfer.TakenBy);

        // No longer mine: a plain staff member cannot close a colleague's case.
        html = await (await browser.GetAsync(Sheet(c))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("終了する", html);
        using var refused = await DeskHost.PostAsync(browser, Sheet(c) + "/close", DeskHost.Token(html), ("version", afterTransfer.Version.ToString()), ("outcome", "resolved"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("ほかの担当者が対応中", await refused.Content.ReadAsStringAsync());

        var theirs = await host.SignedInAsync(tenant, "flow-colleague");
        html = await (await theirs.GetAsync(Sheet(c))).Content.ReadAsStringAsync();
        using var close = await DeskHost.PostAsync(theirs, Sheet(c) + "/close", DeskHost.Token(html),
            ("version", afterTransfer.Version.ToString()), ("outcome", "referred"), ("notes", "よろず支援拠点を案内しました。"));
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        var closed = (await host.Store.GetCaseAsync(tenant, c.Id, default))!;
        Assert.Equal(CaseState.Closed, closed.State);
        Assert.Equal(CaseOutcome.Referred, closed.Outcome);
        Assert.Equal("よろず支援拠点を案内しました。", closed.Notes);

        var audit = await host.AuditAsync(tenant);
        Assert.Contains(audit, e => e.Action == AuditAction.Taken && e.CaseId == c.Id && e.StaffId == me.Id);
        Assert.Contains(audit, e => e.Action == AuditAction.Transferred && e.CaseId == c.Id && e.StaffId == me.Id && e.Detail == "to " + colleague.Id);
        Assert.Contains(audit, e => e.Action == AuditAction.Closed && e.CaseId == c.Id && e.StaffId == colleague.Id && e.Detail == "outcome referred");

        // Closed and not mine: a plain staff member no longer finds it; the supervisor sees it among the recently closed.
        using var gone = await browser.GetAsync(Sheet(c));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        await host.AddStaffAsync(tenant, "flow-boss", "責任者 さん", StaffRole.Supervisor);
        var boss = await host.SignedInAsync(tenant, "flow-boss");
        string list = await (await boss.GetAsync("desk")).Content.ReadAsStringAsync();
        Assert.Contains("最近終了した相談", list);
        Assert.Contains(CaseReference.Of(c.Id), list);
        Assert.Contains("他の窓口を案内した", list);
        string bossSheet = await (await boss.GetAsync(Sheet(c))).Content.ReadAsStringAsync();
        Assert.Contains("よろず支援拠点を案内しました。", bossSheet);
    }

    [Fact]
    public async Task Of_two_staff_taking_one_case_at_once_exactly_one_gets_it_and_the_other_sees_who()
    {
        string tenant = "default";
        await host.AddStaffAsync(tenant, "race-one", "早押し 一");
        await host.AddStaffAsync(tenant, "race-two", "早押し 二");
        var c = await host.OpenCaseAsync(tenant, "同時に押される相談");
        var one = await host.SignedInAsync(tenant, "race-one");
        var two = await host.SignedInAsync(tenant, "race-two");
        string tokenOne = DeskHost.Token(await (await one.GetAsync(Sheet(c))).Content.ReadAsStringAsync());
        string tokenTwo = DeskHost.Token(await (await two.GetAsync(Sheet(c))).Content.ReadAsStringAsync());

        var responses = await Task.WhenAll(
            DeskHost.PostAsync(one, Sheet(c) + "/take", tokenOne, ("version", c.Version.ToString())),
            DeskHost.PostAsync(two, Sheet(c) + "/take", tokenTwo, ("version", c.Version.ToString())));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var loser = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("ほかの方がこの相談を先に更新しました", await loser.Content.ReadAsStringAsync());
        Assert.Single(await host.AuditAsync(tenant), e => e.Action == AuditAction.Taken && e.CaseId == c.Id);
        foreach (var r in responses)
            r.Dispose();
    }

    [Fact]
    public async Task A_supervisor_may_act_on_a_colleagues_case()
    {
        string tenant = "default";
        var worker = await host.AddStaffAsync(tenant, "sup-worker", "作業 さん");
        await host.AddStaffAsync(tenant, "sup-boss", "監督 さん", StaffRole.Supervisor);
        var c = await host.OpenCaseAsync(tenant, "監督の確認");
        var taken = (await host.Store.TakeAsync(tenant, c.Id, worker.Id, c.Version, default)).Case!;

        var boss = await host.SignedInAsync(tenant, "sup-boss");
        string html = await (await boss.GetAsync(Sheet(c))).Content.ReadAsStringAsync();
        Assert.Contains("終了する", html);
        using var close = await DeskHost.PostAsync(boss, Sheet(c) + "/close", DeskHost.Token(html), ("version", taken.Version.ToString()), ("outcome", "no_response"));
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        Assert.Equal(CaseOutcome.NoResponse, (await host.Store.GetCaseAsync(tenant, c.Id, default))!.Outcome);
    }

    [Fact]
    public async Task A_stale_version_shows_a_Japanese_notice_and_the_fresh_sheet()
    {
        string tenant = "chamber";
        await host.AddStaffAsync(tenant, "race-me", "遅い さん");
        var fast = await host.AddStaffAsync(tenant, "race-fast", "速い さん");
        var c = await host.OpenCaseAsync(tenant, "取り合いの相談");

        var browser = await host.SignedInAsync(tenant, "race-me");
        string html = await (await browser.GetAsync(Sheet(c))).Content.ReadAsStringAsync();
        await host.Store.TakeAsync(tenant, c.Id, fast.Id, c.Version, default);   // a colleague was quicker

        using var late = await DeskHost.PostAsync(browser, Sheet(c) + "/take", DeskHost.Token(html), ("version", c.Version.ToString()));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        string fresh = await late.Content.ReadAsStringAsync();
        Assert.Contains("ほかの方がこの相談を先に更新しました", fresh);
        Assert.Contains("速い さん", fresh);
        Assert.DoesNotContain("この相談の担当になる", fresh);
    }

    [Fact]
    public async Task Bad_input_to_every_endpoint_is_a_Japanese_4xx_never_a_5xx()
    {
        string tenant = "default";
        var me = await host.AddStaffAsync(tenant, "bad-input", "入力 さん");
        var c = await host.OpenCaseAsync(tenant, "入力の確認");
        var taken = (await host.Store.TakeAsync(tenant, c.Id, me.Id, c.Version, default)).Case!;
        string v = taken.Version.ToString();

        var anonymous = host.NewBrowser();
        using (var r = await anonymous.GetAsync("desk"))
            Assert.Equal("/desk/login", r.Headers.Location!.OriginalString);
        using (var r = await anonymous.GetAsync(Sheet(c)))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        using (var r = await DeskHost.PostAsync(anonymous, Sheet(c) + "/take", null, ("version", "1")))
            Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        using (var r = await anonymous.GetAsync("desk/login?tenant=no-such-chamber"))
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);

        var browser = await host.SignedInAsync(tenant, "bad-input");
        string token = DeskHost.Token(await (await browser.GetAsync(Sheet(c))).Content.ReadAsStringAsync());
        string longNotes = new('あ', 2001);
        var posts = new (string Path, string? Token, (string, string)[] Fields, HttpStatusCode Expected, string Words)[]
        {
            (Sheet(c) + "/close", null, [("version", v), ("outcome", "resolved")], HttpStatusCode.BadRequest, "もう一度お試しください"),
            (Sheet(c) + "/close", "forged-token", [("version", v), ("outcome", "resolved")], HttpStatusCode.BadRequest, "もう一度お試しください"),
            (Sheet(c) + "/close", token, [("outcome", "resolved")], HttpStatusCode.BadRequest, "送信内容が正しくありません"),
            (Sheet(c) + "/close", token, [("version", "abc"), ("outcome", "resolved")], HttpStatusCode.BadRequest, "送信内容が正しくありません"),
            (Sheet(c) + "/close", token, [("version", "99999999999999999999999")], HttpStatusCode.BadRequest, "送信内容が正しくありません"),
            (Sheet(c) + "/close", token, [("version", "7")], HttpStatusCode.Conflict, "ほかの方がこの相談を先に更新しました"),
            (Sheet(c) + "/close", token, [("version", v)], HttpStatusCode.BadRequest, "対応の結果を選んでください"),
            (Sheet(c) + "/close", token, [("version", v), ("outcome", "sideways")], HttpStatusCode.BadRequest, "対応の結果を選んでください"),
            (Sheet(c) + "/close", token, [("version", v), ("outcome", "resolved"), ("notes", longNotes)], HttpStatusCode.BadRequest, "2000文字以内"),
            (Sheet(c) + "/transfer", token, [("version", v)], HttpStatusCode.BadRequest, "引き継ぐ相手を選んでください"),
            (Sheet(c) + "/transfer", token, [("version", v), ("to", "no-such-staff")], HttpStatusCode.BadRequest, "引き継ぐ相手を選んでください"),
            (Sheet(c) + "/take", token, [("version", v)], HttpStatusCode.Conflict, "いまその操作はできません"),
            (Sheet(c) + "/explode", token, [("version", v)], HttpStatusCode.NotFound, "見つかりません"),
            ("desk/cases/" + new string('x', 5000) + "/take", token, [("version", "1")], HttpStatusCode.NotFound, "見つかりません"),
            ("desk/cases/unknown/take", token, [("version", "1")], HttpStatusCode.NotFound, "相談が見つかりません"),
            ("desk/login", token, [("tenant", "default")], HttpStatusCode.BadRequest, "ログインIDとパスワードを入力してください"),
            ("desk/login", token, [("tenant", "no-such"), ("login", "x"), ("password", new string('p', 100_000))], HttpStatusCode.Unauthorized, "ログインIDまたはパスワードが違います"),
            ("desk/nowhere", token, [], HttpStatusCode.NotFound, "見つかりません"),
        };
        foreach (var (path, t, fields, expected, words) in posts)
        {
            using var response = await DeskHost.PostAsync(browser, path, t, fields);
            string body = await response.Content.ReadAsStringAsync();
            Assert.True(expected == response.StatusCode, $"{path} {string.Join(',', fields.Select(f => f.Item1))}: {(int)response.StatusCode}");
            Assert.Contains(words, body);
        }

        using (var json = await browser.PostAsync(Sheet(c) + "/close", new StringContent("{\"version\":1}", System.Text.Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        foreach (var path in new[] { "desk/cases/%E3%81%82", "desk/cases/..%2F..%2Fetc", "desk/cases/" + new string('y', 3000), "desk/whatever/else", "desk/cases/x/take", "desk?ref=" + new string('9', 500) })
        {
            using var response = await browser.GetAsync(path);
            string body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode is >= 400 and < 500 && body.Contains("lang=\"ja\"", StringComparison.Ordinal), $"{path[..Math.Min(path.Length, 40)]}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
        }
        using (var nul = await browser.GetAsync("desk/cases/%00"))   // Kestrel itself refuses a NUL in the path
            Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.Equal(CaseState.Taken, (await host.Store.GetCaseAsync(tenant, c.Id, default))!.State);
    }

    private static string Strip(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "value=\"[^\"]*\"", "");
}
