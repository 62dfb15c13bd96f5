using System.Globalization;
using System.Text;
using Mamori.Core.Diagnosis;
using Mamori.Desk.Advisers;
using Mamori.Host.Desk.Console;
using static Mamori.Host.Desk.Console.DeskPages;

namespace Mamori.Host.Desk.Companies;

/// <summary>What the new-company form shows again after a mistake: what was typed, and what to fix.</summary>
internal sealed record CompanyFormView(string? Name, string? ContactName, string? Memo, string? Error);

/// <summary>One company with its runs (oldest first) and the staff names they refer to.</summary>
internal sealed record CompanySheetView(
    AdviserCompany Company,
    IReadOnlyList<CompanyDiagnosis> Runs,
    IReadOnlyList<AnswerChange> Changes,
    IReadOnlyDictionary<string, string> Names,
    string? Notice,
    bool NoticeIsProblem);

/// <summary>The advisers' pages in the console's style: the list, the new-company form and the company sheet.</summary>
internal static class CompanyPages
{
    public static string List(DeskSession session, IReadOnlyList<AdviserCompany> companies, IReadOnlyDictionary<string, string> names, string? notice, FormToken token)
    {
        var html = Start(CompanyWords.Title + " - " + DeskWords.ConsoleTitle, session.Tenant.Options.DisplayName, session, token, refresh: false);
        html.Append("<main class=\"desk-main\"><h1>").Append(E(CompanyWords.Title)).Append("</h1>");
        Notice(html, notice, problem: false);
        html.Append("<p>").Append(E(CompanyWords.Intro)).Append("</p><p><a class=\"desk-button\" href=\"/desk/companies/new\">会社を登録する</a></p>")
            .Append("<section class=\"desk-section\"><h2>登録した会社（").Append(companies.Count.ToString(CultureInfo.InvariantCulture)).Append("社、新しい順）</h2>");
        if (companies.Count == 0)
            html.Append("<p class=\"desk-empty\">まだ登録した会社はありません。</p>");
        else
        {
            html.Append("<div class=\"desk-table-wrap\"><table class=\"desk-table\"><thead><tr><th>会社名</th><th>先方のご担当</th><th>登録した人</th><th>登録日</th></tr></thead><tbody>");
            foreach (var c in companies)
            {
                html.Append("<tr><td><a href=\"").Append(E(Path(c))).Append("\">").Append(E(c.Name)).Append("</a></td><td>").Append(E(c.ContactName))
                    .Append("</td><td>").Append(E(Name(names, c.CreatedBy))).Append("</td><td>").Append(E(CompanyWords.Date(c.CreatedAt))).Append("</td></tr>");
            }
            html.Append("</tbody></table></div>");
        }
        html.Append("</section></main>");
        return End(html);
    }

    public static string New(DeskSession session, CompanyFormView view, FormToken token)
    {
        var html = Start("会社を登録する - " + DeskWords.ConsoleTitle, session.Tenant.Options.DisplayName, session, token, refresh: false);
        html.Append("<main class=\"desk-main desk-narrow\"><p class=\"desk-back\"><a href=\"/desk/companies\">← 会社の一覧</a></p><h1>会社を登録する</h1>");
        Notice(html, view.Error, problem: true);
        html.Append("<form method=\"post\" action=\"/desk/companies/new\" class=\"desk-form\">");
        Hidden(html, token.FieldName, token.Value);
        Input(html, "name", "会社名", view.Name, CompanyWords.NameMaxLength, required: true);
        Input(html, "contact", "先方のご担当者名（任意）", view.ContactName, CompanyWords.ContactMaxLength, required: false);
        html.Append("<label for=\"memo\">メモ（任意、").Append(CompanyWords.MemoMaxLength.ToString(CultureInfo.InvariantCulture)).Append("文字まで）</label>")
            .Append("<textarea id=\"memo\" name=\"memo\" rows=\"3\" maxlength=\"").Append(CompanyWords.MemoMaxLength.ToString(CultureInfo.InvariantCulture)).Append("\">")
            .Append(E(view.Memo)).Append("</textarea>")
            .Append("<label class=\"desk-choice\"><input type=\"checkbox\" name=\"consent\" value=\"yes\" required> ").Append(E(CompanyWords.Consent)).Append("</label>")
            .Append("<p class=\"desk-hint\">同意を得た日時として、登録した日時を記録します。会社を削除すると、診断結果もすべて消えます。</p>")
            .Append("<button type=\"submit\" class=\"desk-button\">登録する</button></form></main>");
        return End(html);
    }

    public static string Sheet(DeskSession session, CompanySheetView view, FormToken token)
    {
        var c = view.Company;
        var html = Start(c.Name + " - " + DeskWords.ConsoleTitle, session.Tenant.Options.DisplayName, session, token, refresh: false);
        html.Append("<main class=\"desk-main\"><p class=\"desk-back\"><a href=\"/desk/companies\">← 会社の一覧</a></p><h1>").Append(E(c.Name)).Append("</h1>");
        Notice(html, view.Notice, view.NoticeIsProblem);
        html.Append("<section class=\"desk-section\"><h2>会社について</h2><dl class=\"desk-facts\">");
        Fact(html, "先方のご担当", c.ContactName ?? "（未入力）");
        if (c.Memo is { Length: > 0 } memo)
            Fact(html, "メモ", memo);
        Fact(html, "保存への同意", CompanyWords.Date(c.ConsentedAt) + " に確認");
        Fact(html, "登録した人", Name(view.Names, c.CreatedBy) + "（" + CompanyWords.Date(c.CreatedAt) + "）");
        html.Append("</dl><p><a class=\"desk-button\" href=\"").Append(E(Path(c) + "/diagnose")).Append("\">")
            .Append(view.Runs.Count == 0 ? "診断する" : "もう一度診断する").Append("</a></p></section>");

        if (view.Runs.Count >= 2)
            ChangesTable(html, view.Runs[^2], view.Runs[^1], view.Changes);
        Runs(html, c, view.Runs, view.Names);

        html.Append("<section class=\"desk-section\"><h2>この会社を削除する</h2><form method=\"post\" action=\"").Append(E(Path(c) + "/delete")).Append("\" class=\"desk-form\">");
        Hidden(html, token.FieldName, token.Value);
        html.Append("<label class=\"desk-choice\"><input type=\"checkbox\" name=\"confirm\" value=\"yes\" required> ").Append(E(CompanyWords.DeleteConfirm)).Append("</label>")
            .Append("<button type=\"submit\" class=\"desk-button desk-secondary\">削除する</button></form></section></main>");
        return End(html);
    }

    internal static string Path(AdviserCompany company) => "/desk/companies/" + Uri.EscapeDataString(company.Id);

    internal static void Notice(StringBuilder html, string? notice, bool problem)
    {
        if (!string.IsNullOrEmpty(notice))
            html.Append("<p class=\"desk-notice").Append(problem ? " desk-problem" : "").Append("\" role=\"").Append(problem ? "alert" : "status").Append("\">").Append(E(notice)).Append("</p>");
    }

    private static void ChangesTable(StringBuilder html, CompanyDiagnosis before, CompanyDiagnosis after, IReadOnlyList<AnswerChange> changes)
    {
        html.Append("<section class=\"desk-section\"><h2>前回からの変化</h2><div class=\"desk-table-wrap\"><table class=\"desk-table\"><thead><tr><th>項目</th><th>前回（")
            .Append(E(CompanyWords.Date(before.RanAt))).Append("）</th><th>今回（").Append(E(CompanyWords.Date(after.RanAt))).Append("）</th></tr></thead><tbody>");
        Row(html, "主な課題", CompanyWords.Barrier(before), CompanyWords.Barrier(after));
        Row(html, "成熟度", CompanyWords.Step(before), CompanyWords.Step(after));
        foreach (var change in changes)
            Row(html, change.Topic, change.Before, change.After);
        html.Append("</tbody></table></div>");
        if (changes.Count == 0)
            html.Append("<p class=\"desk-empty\">回答に変わったところはありません。</p>");
        html.Append("</section>");
    }

    private static void Row(StringBuilder html, string label, string before, string after) =>
        html.Append("<tr").Append(before == after ? "" : " class=\"desk-changed\"").Append("><th scope=\"row\">").Append(E(label)).Append("</th><td>")
            .Append(E(before)).Append("</td><td>").Append(E(after)).Append("</td></tr>");

    private static void Runs(StringBuilder html, AdviserCompany company, IReadOnlyList<CompanyDiagnosis> runs, IReadOnlyDictionary<string, string> names)
    {
        html.Append("<section class=\"desk-section\"><h2>診断の記録</h2>");
        if (runs.Count == 0)
        {
            html.Append("<p class=\"desk-empty\">まだ診断していません。</p></section>");
            return;
        }
        html.Append("<div class=\"desk-table-wrap\"><table class=\"desk-table\"><thead><tr><th>日時</th><th>実施した人</th><th>主な課題</th><th>成熟度</th><th>レポート</th></tr></thead><tbody>");
        foreach (var run in runs.Reverse())
        {
            html.Append("<tr><td>").Append(E(CompanyWords.Date(run.RanAt))).Append("</td><td>").Append(E(Name(names, run.RanBy))).Append("</td><td>")
                .Append(E(CompanyWords.Barrier(run))).Append("</td><td>").Append(E(CompanyWords.Step(run))).Append("</td><td><a href=\"").Append(E(Path(company) + "/report?run=" + Uri.EscapeDataString(run.Id))).Append("\">印刷用</a></td></tr>");
        }
        html.Append("</tbody></table></div></section>");
    }

    private static void Input(StringBuilder html, string name, string label, string? value, int maxLength, bool required) =>
        html.Append("<label for=\"").Append(name).Append("\">").Append(E(label)).Append("</label><input id=\"").Append(name).Append("\" name=\"").Append(name)
            .Append("\" maxlength=\"").Append(maxLength.ToString(CultureInfo.InvariantCulture)).Append('"').Append(required ? " required" : "")
            .Append(" value=\"").Append(E(value)).Append("\">");

    private static string Name(IReadOnlyDictionary<string, string> names, string staffId) =>
        names.TryGetValue(staffId, out var name) ? name : "（削除されたアカウント）";
}
