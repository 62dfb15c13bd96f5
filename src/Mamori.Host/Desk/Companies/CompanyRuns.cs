using Mamori.Core;
using Mamori.Core.Diagnosis;
using Mamori.Core.Dialogs;
using Mamori.Desk.Advisers;
using Mamori.Host.Reports;

namespace Mamori.Host.Desk.Companies;

/// <summary>One answer that differs between two runs, in words.</summary>
internal sealed record AnswerChange(string Topic, string Before, string After);

/// <summary>
/// The diagnosis as the console runs it: the same script and classifier as the bot (<see cref="DiagnosisKit"/>), fed a
/// whole form of answers at once instead of a chat, and the bot's printable report for a stored run.
/// </summary>
internal sealed class CompanyRuns(DiagnosisKit kit, ReportDetailsReader details)
{
    public const string FieldPrefix = "q-";

    /// <summary>Every question of the script, in order: the form shows them all, since skip rules need answers not given yet.</summary>
    public IReadOnlyList<Question> Questions => kit.Script.Questions;

    /// <summary>The form's answers, a question left empty as 「わからない」; null when a value is not one of its question's codes.</summary>
    public AnswerSet? Read(IFormCollection form)
    {
        var answers = AnswerSet.Empty;
        foreach (var question in Questions)
        {
            string? code = form[FieldPrefix + question.Id].FirstOrDefault();
            if (code is null)
                code = question.Unknown.Code;
            else if (!question.Accepts(code))
                return null;
            answers = answers.With(question.Id, code);
        }
        return answers;
    }

    /// <summary>
    /// Classifies as the bot would on this day (the chamber's region standing in for an unknown prefecture) and keeps
    /// only the answers of the questions that apply, so a later comparison does not list answers nobody was asked.
    /// </summary>
    public NewDiagnosis Classify(AdviserCompany company, string staffId, AnswerSet answers, string? region, DateTimeOffset at)
    {
        var applied = kit.Script.EffectiveCodes(answers);
        var kept = AnswerSet.Empty;
        foreach (var (id, answer) in answers.Where(a => applied.ContainsKey(a.Key)))
            kept = kept.With(id, answer);
        var result = kit.Classify(details.WithRegion(kept, region), ReportDetailsReader.JapanDay(at));
        return new NewDiagnosis(company.TenantId, company.Id, kept, kit.Report.Headline(result), result.PrimaryBarrier,
            result.Undetermined ? null : result.MaturityStep, staffId);
    }

    /// <summary>The answers that differ between two runs, in the script's order.</summary>
    public IReadOnlyList<AnswerChange> Changes(CompanyDiagnosis before, CompanyDiagnosis after) =>
        Questions.Where(q => before.Answers.CodeOf(q.Id) != after.Answers.CodeOf(q.Id))
            .Select(q => new AnswerChange(q.Topic, Said(q, before.Answers), Said(q, after.Answers)))
            .ToList();

    /// <summary>
    /// The bot's printable report for a stored run, classified again on the run's day: the owner's view (it is printed for
    /// the owner), without the stage picture (which lives in the chat's media store), and with who ran it.
    /// </summary>
    public ReportView Report(CompanyDiagnosis run, string? region, string adviser, string desk)
    {
        var result = kit.Classify(details.WithRegion(run.Answers, region), ReportDetailsReader.JapanDay(run.RanAt));
        var card = kit.Report.Compose(result, run.Answers)[0].Report?.Card
            ?? throw new InvalidOperationException($"The report composer gave run {run.Id} no printable card.");
        // The page reads no conversation: the key only carries the tenant, and the run's id keeps it unique.
        var snapshot = new ReportSnapshot(new ConversationKey(run.TenantId, run.Id), card, null, null, run.RanAt);
        return new ReportView(snapshot, details.Of(run.Answers, region, run.RanAt), Adviser: false, (adviser, desk));
    }

    private static string Said(Question question, AnswerSet answers) =>
        answers.Get(question.Id) is { } answer ? question.InWords(answer.Code, answer.Raw) : CompanyWords.NotAsked;
}
