using Mamori.Core.Conversations;
using Mamori.Core.Dialogs;
using Mamori.Core.Messages;
using Mamori.Core.Text;
using Mamori.Core.Understanding;

namespace Mamori.Core.Tests.Dialogs;

/// <summary>
/// A four-question diagnosis for testing the generic engine (stack, commands, re-prompts, state) independently of the
/// real diagnosis data; the whole-conversation tests in Mamori.Cli.Tests use the real one. Matching is by label or code
/// only, and the last question is skipped when the third is answered 「いない」, to exercise skip rules.
/// </summary>
internal sealed class SmallDiagnosisFlow : IDiagnosisFlow
{
    private static readonly FlowQuestion[] Questions =
    [
        Q("employees", "従業員は何名ですか。", ("1-5", "1〜5人"), ("6-20", "6〜20人"), ("21-50", "21〜50人")),
        Q("it_dependence", "ITが止まると業務はどうなりますか。", ("high", "止まる"), ("medium", "一部困る"), ("low", "ほぼ困らない")),
        Q("tal_person", "セキュリティ対策の担当者はいますか。", ("dedicated", "詳しい社員がいる"), ("none", "いない")),
        Q("tal_skill", "担当者は何をすべきか分かっていますか。", ("yes", "分かっている"), ("no", "分かっていない")),
    ];

    public string Intro => "診断を始めます。全部で4問です。";

    public string Outro => "回答ありがとうございました。";

    public FlowQuestion? Next(IReadOnlyList<RecordedAnswer> answers) =>
        Questions.FirstOrDefault(q => answers.All(a => a.QuestionId != q.Id) && IsAsked(q, answers));

    public FlowQuestion? Find(string questionId) => Questions.FirstOrDefault(q => q.Id == questionId);

    /// <summary>The last question may still come until the third is answered.</summary>
    public DiagnosisProgress Progress(IReadOnlyList<RecordedAnswer> answers) =>
        new(answers.Count, Questions.Count(q => answers.All(a => a.QuestionId != q.Id) && IsAsked(q, answers)));

    /// <summary>A label or a code is understood; 「たぶん〇〇」 is a guess to confirm; a question (real wording) is a question.</summary>
    public ReplyReading Read(FlowQuestion question, string text)
    {
        var key = JapaneseFold.Fold(text);
        var codes = Codes[question.Id];
        var index = question.Buttons.ToList().FindIndex(b => JapaneseFold.Fold(b) == key);
        if (index < 0)
            index = Array.IndexOf(codes, key);
        if (index >= 0)
            return new ReplyReading(ReadingOutcome.Understood, codes[index], 1, question.Buttons[index]);
        if (key.StartsWith("たぶん", StringComparison.Ordinal))
        {
            index = question.Buttons.ToList().FindIndex(b => JapaneseFold.Fold(b) == key["たぶん".Length..]);
            if (index >= 0)
                return new ReplyReading(ReadingOutcome.Confirm, codes[index], 0.6, question.Buttons[index]);
        }
        return TestBot.Language.Questions.IsQuestion(text) ? ReplyReading.AQuestion : ReplyReading.NotUnderstood;
    }

    public bool IsButtonLabel(string text) =>
        Questions.Any(q => q.Buttons.Any(b => JapaneseFold.Fold(b) == JapaneseFold.Fold(text)));

    public DiagnosisOutcome Conclude(IReadOnlyList<RecordedAnswer> answers, string? regionHint = null)
    {
        var barrier = answers.Any(a => a.QuestionId == "tal_person" && a.Code is "none" or "unknown") ? "talent" : "measures";
        var headline = barrier == "talent" ? "いちばんの壁は「人材」でした。" : "いちばんの壁は「対策」でした。";
        var summary = string.Join("、", answers.Select(a => $"{a.QuestionId}={a.Code}"));
        return new DiagnosisOutcome([BotReply.Plain($"診断結果: {headline}（{summary}）")], new DiagnosisSummary(barrier, 1, headline));
    }

    public IReadOnlyList<BotReply> Details(IReadOnlyList<RecordedAnswer> answers, string? regionHint = null) =>
        [BotReply.Plain($"診断の詳しい内容（回答 {answers.Count}問）")];

    private static readonly Dictionary<string, string[]> Codes = new()
    {
        ["employees"] = ["1-5", "6-20", "21-50"],
        ["it_dependence"] = ["high", "medium", "low"],
        ["tal_person"] = ["dedicated", "none"],
        ["tal_skill"] = ["yes", "no"],
    };

    private static bool IsAsked(FlowQuestion question, IReadOnlyList<RecordedAnswer> answers) =>
        question.Id != "tal_skill" || answers.All(a => a.QuestionId != "tal_person" || a.Code != "none");

    private static FlowQuestion Q(string id, string text, params (string Code, string Label)[] choices) =>
        new(id, text, choices.Select(c => c.Label).ToArray(), "わからない", "すみません、選択肢から選んでください。", $"{id}についての説明です。", id)
        {
            LabelOf = code => choices.FirstOrDefault(c => c.Code == code).Label ?? code,
            Codes = [.. choices.Select(c => c.Code), "unknown"],
        };
}
