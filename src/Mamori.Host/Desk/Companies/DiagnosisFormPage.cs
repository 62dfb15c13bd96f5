using System.Globalization;
using System.Text;
using Mamori.Core.Diagnosis;
using Mamori.Desk.Advisers;
using Mamori.Host.Desk.Console;
using static Mamori.Host.Desk.Console.DeskPages;

namespace Mamori.Host.Desk.Companies;

/// <summary>
/// Every question of the diagnosis on one page, each with its choices and 「わからない」, filled in with the last run's
/// answers so a second run only needs what changed. Radio buttons, or a list for a question with many choices (the prefecture).
/// </summary>
internal static class DiagnosisFormPage
{
    private const int RadiosAtMost = 12;

    public static string Render(DeskSession session, AdviserCompany company, IReadOnlyList<Question> questions, AnswerSet given, string? error, FormToken token)
    {
        var html = Start("診断 " + company.Name + " - " + DeskWords.ConsoleTitle, session.Tenant.Options.DisplayName, session, token, refresh: false);
        string path = CompanyPages.Path(company);
        html.Append("<main class=\"desk-main\"><p class=\"desk-back\"><a href=\"").Append(E(path)).Append("\">← ").Append(E(company.Name)).Append("</a></p>")
            .Append("<h1>").Append(E(company.Name)).Append(" の診断</h1>");
        CompanyPages.Notice(html, error, problem: true);
        html.Append("<p class=\"desk-hint\">").Append(E(CompanyWords.DiagnoseHint)).Append("</p>")
            .Append("<form method=\"post\" action=\"").Append(E(path + "/diagnose")).Append("\" class=\"desk-form desk-section\">");
        Hidden(html, token.FieldName, token.Value);
        for (int i = 0; i < questions.Count; i++)
            Question(html, i + 1, questions[i], given.CodeOf(questions[i].Id) ?? questions[i].Unknown.Code);
        html.Append("<button type=\"submit\" class=\"desk-button\">診断して結果を保存する</button></form></main>");
        return End(html);
    }

    private static void Question(StringBuilder html, int number, Question q, string chosen)
    {
        string field = CompanyRuns.FieldPrefix + q.Id;
        string heading = number.ToString(CultureInfo.InvariantCulture) + ". " + q.Topic;
        var options = q.Choices.Select(c => (c.Code, c.Label)).Append((q.Unknown.Code, q.Unknown.Label)).ToList();
        html.Append("<fieldset class=\"desk-question\"><legend>").Append(E(heading)).Append("</legend><p class=\"desk-question-help\">").Append(E(q.Prompt)).Append("</p>");
        if (options.Count > RadiosAtMost)
        {
            html.Append("<select name=\"").Append(E(field)).Append("\" aria-label=\"").Append(E(q.Topic)).Append("\">");
            foreach (var (code, label) in options)
                html.Append("<option value=\"").Append(E(code)).Append('"').Append(code == chosen ? " selected" : "").Append('>').Append(E(label)).Append("</option>");
            html.Append("</select>");
        }
        else
        {
            foreach (var (code, label) in options)
            {
                html.Append("<label class=\"desk-choice\"><input type=\"radio\" name=\"").Append(E(field)).Append("\" value=\"").Append(E(code)).Append('"')
                    .Append(code == chosen ? " checked" : "").Append("> ").Append(E(label)).Append("</label>");
            }
        }
        html.Append("</fieldset>");
    }
}
