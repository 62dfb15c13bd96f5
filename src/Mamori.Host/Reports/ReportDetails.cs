using Mamori.Core;
using Mamori.Core.Conversations;
using Mamori.Core.Diagnosis;
using Mamori.Core.Storage;

namespace Mamori.Host.Reports;

/// <summary>One answer as the report prints it: the question's topic and what the owner said.</summary>
/// <param name="Unknown">Answered 「わからない」 (or not answered): the owner should find it out.</param>
internal sealed record ReportAnswer(string Topic, string Said, bool Unknown);

/// <summary>The answers of a stage (or of the company profile), in the order of the diagnosis.</summary>
internal sealed record ReportAnswerGroup(string Heading, IReadOnlyList<ReportAnswer> Answers);

/// <summary>A reviewer's note on a recommended measure: for advisers only.</summary>
internal sealed record ReportCaution(string Measure, string Note);

/// <summary>
/// What the report adds to the card: the company profile, every answer, and for advisers the measures' cautions and the
/// questions the earlier answers made pointless, with the reason (the owner's two A4 pages have no room for them).
/// </summary>
internal sealed record ReportDetails(IReadOnlyList<ReportAnswer> Profile, IReadOnlyList<ReportAnswerGroup> Answers, IReadOnlyList<ReportCaution> Cautions,
    IReadOnlyList<SkippedQuestion> Skipped)
{
    public static readonly ReportDetails None = new([], [], [], []);
}

/// <summary>
/// Reads the answers behind a report from the conversation's stored state (the card carries only the conclusions), and
/// finds the recommended measures again by classifying those answers on the day of the report.
/// </summary>
internal sealed class ReportDetailsReader(IConversationStore store, DiagnosisKit kit)
{
    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    public async Task<ReportDetails> ReadAsync(ReportSnapshot report, CancellationToken ct)
    {
        var stored = await store.LoadConversationAsync(report.Conversation, ct);
        // A diagnosis begun again after the result has other answers than the card: then the card stands alone.
        if (stored?.State is not { DiagnosisCompleted: true } state || state.Answers.Count == 0)
            return ReportDetails.None;

        var answers = AnswerSet.Empty;
        foreach (var a in state.Answers)
            answers = answers.With(a.QuestionId, a.Code, a.Raw.Length == 0 ? null : a.Raw);

        return Of(answers, state.Region, report.CreatedAt);
    }

    /// <summary>The details of a set of answers classified on the day of <paramref name="at"/>, with the chamber's region standing in as the bot does.</summary>
    public ReportDetails Of(AnswerSet answers, string? region, DateTimeOffset at)
    {
        var asked = kit.Script.Questions.Where(q => answers.Contains(q.Id)).ToList();
        var profile = asked.Where(q => q.Stage is null).Select(q => Row(q, answers.Get(q.Id)!)).ToList();
        var groups = asked.Where(q => q.Stage is not null)
            .GroupBy(q => q.Stage!.Value)
            .OrderBy(g => g.Key)
            .Select(g => new ReportAnswerGroup(kit.Report.Texts.StageName(g.Key), g.Select(q => Row(q, answers.Get(q.Id)!)).ToList()))
            .ToList();

        var result = kit.Classify(WithRegion(answers, region), JapanDay(at));
        var cautions = result.Recommendations
            .Select(r => (r.Title, Note: kit.Catalog.Find(r.MeasureId)?.Caution?.Trim()))
            .Where(c => !string.IsNullOrEmpty(c.Note))
            .Select(c => new ReportCaution(c.Title, c.Note!))
            .DistinctBy(c => c.Measure)
            .ToList();
        return new ReportDetails(profile, groups, cautions, kit.Script.Skipped(answers));
    }

    /// <summary>The day in Japan, which decides which measures are still open.</summary>
    public static DateOnly JapanDay(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(JapanOffset).Date);

    // The owner's own words when typed; the button's label when pressed (a code from an answers file reads badly).
    private static ReportAnswer Row(Question question, Answer answer)
    {
        bool unknown = answer.Code == question.Unknown.Code;
        return new ReportAnswer(question.Topic, question.InWords(answer.Code, answer.Raw), unknown);
    }

    // As the diagnosis did: the chamber's region stands in for a prefecture the owner did not give.
    public AnswerSet WithRegion(AnswerSet answers, string? region)
    {
        const string prefecture = "prefecture";
        if (string.IsNullOrEmpty(region) || answers.Get(prefecture) is { Code: not "unknown" }
            || !kit.Script.TryGet(prefecture, out var question) || !question.Accepts(region) || region == question.Unknown.Code)
            return answers;
        return answers.With(prefecture, region, null);
    }
}
