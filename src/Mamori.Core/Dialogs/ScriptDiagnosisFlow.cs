using Mamori.Core.Text;
using Mamori.Core.Conversations;
using Mamori.Core.Diagnosis;
using Mamori.Core.Domain;
using Mamori.Core.Evidence;
using Mamori.Core.Messages;
using Mamori.Core.Reports;
using Mamori.Core.Understanding;

namespace Mamori.Core.Dialogs;

/// <summary>
/// The engine's view of the real diagnosis (<see cref="DiagnosisKit"/>): the questions and parser of the script, the
/// classifier over the measure catalog, and the report composed from its result.
/// </summary>
public sealed class ScriptDiagnosisFlow : IDiagnosisFlow
{
    private readonly DiagnosisKit _kit;
    private readonly DiagnosisScript _script;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, FlowQuestion> _questions;
    private readonly HashSet<string> _buttonLabels;

    private readonly ReplyReader _reader;

    public ScriptDiagnosisFlow(DiagnosisKit kit, ReplyReader reader, TimeProvider time)
    {
        _kit = kit;
        _reader = reader;
        _script = kit.Script;
        _time = time;
        // Built once: the questions are immutable, and the engine asks for them on every turn.
        _questions = _script.Questions.SelectMany(Steps).ToDictionary(q => q.StepId, StringComparer.Ordinal);
        _buttonLabels = _questions.Values.SelectMany(q => q.Buttons.Append(q.UnknownLabel)).Select(JapaneseFold.Fold).ToHashSet(StringComparer.Ordinal);
    }

    public bool IsButtonLabel(string text) => _buttonLabels.Contains(JapaneseFold.Fold(text));

    public string Intro => _script.Intro;

    public string Outro => _script.Outro;

    public FlowQuestion? Next(IReadOnlyList<RecordedAnswer> answers) =>
        _script.NextQuestion(ToSet(answers)) is { } next ? _questions[next.Id] : null;

    public FlowQuestion? Find(string stepId) => _questions.GetValueOrDefault(stepId);

    public DiagnosisProgress Progress(IReadOnlyList<RecordedAnswer> answers)
    {
        var set = ToSet(answers);
        return new DiagnosisProgress(_script.Answered(set), _script.Remaining(set));
    }

    public ReplyReading Read(FlowQuestion question, string text) =>
        _script.TryGet(question.Id, out var q) ? _reader.Read(q, text) : ReplyReading.NotUnderstood;

    public DiagnosisOutcome Conclude(IReadOnlyList<RecordedAnswer> answers, string? regionHint = null)
    {
        var (result, set) = Classify(answers, regionHint);
        return new DiagnosisOutcome(
            _kit.Report.Compose(result, set),
            new DiagnosisSummary(result.PrimaryBarrier?.Code(), result.MaturityStep, _kit.Report.Headline(result)) { Facts = DiagnosisFacts.From(result, set) });
    }

    public IReadOnlyList<BotReply> Details(IReadOnlyList<RecordedAnswer> answers, string? regionHint = null)
    {
        var (result, set) = Classify(answers, regionHint);
        return _kit.Report.Details(result, set);
    }

    private (Classification.DiagnosisResult Result, AnswerSet Answers) Classify(IReadOnlyList<RecordedAnswer> answers, string? regionHint)
    {
        var set = WithRegionHint(ToSet(answers), regionHint);
        // Measures past their validUntil are never recommended, so the classifier needs today's date (in Japan).
        var today = DateOnly.FromDateTime(_time.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).Date);
        return (_kit.Classify(set, today), set);
    }

    /// <summary>
    /// A chamber's widget knows its region: when the owner's prefecture is unknown, the chamber's stands in, so its local
    /// programmes are recommended. An answer the owner gave always wins; a hint that is not a prefecture code is ignored.
    /// </summary>
    private AnswerSet WithRegionHint(AnswerSet set, string? regionHint)
    {
        const string prefecture = "prefecture";
        if (string.IsNullOrEmpty(regionHint) || set.Get(prefecture) is { Code: not "unknown" })
            return set;
        return _script.TryGet(prefecture, out var question) && question.Accepts(regionHint) && regionHint != question.Unknown.Code
            ? set.With(prefecture, regionHint, null)
            : set;
    }

    private static AnswerSet ToSet(IReadOnlyList<RecordedAnswer> answers)
    {
        var set = AnswerSet.Empty;
        foreach (var answer in answers)
            set = set.With(answer.QuestionId, answer.Code, answer.Raw.Length == 0 ? null : answer.Raw);
        return set;
    }

    /// <summary>The question, and for a question with groups one more step per group (its choices and a way back).</summary>
    private static IEnumerable<FlowQuestion> Steps(Question question)
    {
        var first = ToFlow(question, question.Prompt, [.. question.Buttons.Select(b => b.Label)]);
        if (question.Grouping is not { } grouping)
        {
            yield return first;
            yield break;
        }
        var groups = grouping.Groups.Select(g => (Group: g, StepId: $"{question.Id}/{g.Code}")).ToList();
        yield return first with { Groups = [.. groups.Select(g => new FlowGroup(g.Group.Label, [g.Group.Label, .. g.Group.Synonyms], g.StepId, [.. g.Group.Choices.Select(c => c.Code)]))] };
        foreach (var (group, stepId) in groups)
        {
            yield return ToFlow(question, grouping.PromptFor(group), [.. group.Choices.Select(c => c.Label), grouping.BackLabel])
                with { StepId = stepId, BackLabel = grouping.BackLabel };
        }
    }

    private static FlowQuestion ToFlow(Question question, string text, string[] buttons) => new(
        question.Id,
        text,
        buttons,
        question.Unknown.Label,
        question.RetryPrompt,
        question.Help,
        question.Topic) { LabelOf = question.LabelOf, Codes = [.. question.Codes] };
}
