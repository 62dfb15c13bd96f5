using Mamori.Core.Diagnosis.Conditions;
using Mamori.Core.Domain;
using Mamori.Core.Messages;

namespace Mamori.Core.Diagnosis;

/// <summary>
/// One diagnosis question, built once from knowledge/diagnosis/questions.yaml. Immutable and thread-safe:
/// the dialog engine shares one instance across conversations. How a typed reply to it is read is
/// <c>Understanding/ReplyReader</c>'s job; this is the data it reads with.
/// </summary>
public sealed class Question
{
    internal Question(
        string id, string topic, string section, QuestionKind kind, string prompt, string help, string retryPrompt,
        IReadOnlyList<Choice> choices, Choice unknown, IReadOnlyList<QuestionCondition> skipRules, QuestionCondition? askRule,
        Polarity? polarity = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? ambiguousWords = null, ChoiceGrouping? grouping = null,
        IReadOnlyList<AnswerHint>? hints = null, IReadOnlyList<string>? unsureWords = null, IReadOnlyList<string>? decisiveWords = null,
        IReadOnlyList<string>? principalWords = null, IReadOnlyList<string>? asideWords = null, bool places = false,
        IReadOnlyList<string>? wholeOnlyWords = null, bool estimates = false)
    {
        Estimates = estimates;
        Places = places;
        WholeOnlyWords = wholeOnlyWords ?? [];
        Polarity = polarity;
        Hints = hints ?? [];
        UnsureWords = unsureWords ?? [];
        DecisiveWords = decisiveWords ?? [];
        PrincipalWords = principalWords ?? [];
        AsideWords = asideWords ?? [];
        AmbiguousWords = ambiguousWords ?? new Dictionary<string, IReadOnlyList<string>>();
        Id = id;
        Topic = topic;
        Section = section;
        Stage = DomainCodes.TryParseStage(section, out var stage) ? stage : null;
        Kind = kind;
        Prompt = prompt;
        Help = help;
        RetryPrompt = retryPrompt;
        Choices = choices;
        Unknown = unknown;
        SkipRules = skipRules;
        AskRule = askRule;
        Grouping = grouping;
        Buttons = (grouping is null ? choices.Select(c => c.Label) : grouping.Groups.Select(g => g.Label)).Select(l => new ReplyChoice(l)).ToList();
        ButtonsWithUnknown = [.. Buttons, new ReplyChoice(unknown.Label)];
    }

    /// <summary>Which choice a plain yes, a plain no, a "partly" and a hedged yes mean; null for questions answered by name or number.</summary>
    public Polarity? Polarity { get; }

    /// <summary>Words that could mean several choices (「府中市」 is in Tokyo and in Hiroshima): the bot asks which.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AmbiguousWords { get; }

    /// <summary>What owners say that points at a choice without answering the question: asked back, never recorded as read.</summary>
    public IReadOnlyList<AnswerHint> Hints { get; }

    /// <summary>Choice words too loose to record on their own (「困る」: how much?): a reading resting on them alone is asked
    /// back; beside another clause (「経理は困るけど、現場は回る」) they count like any word.</summary>
    public IReadOnlyList<string> UnsureWords { get; }

    /// <summary>Choice words that say the very thing asked (「口頭だけ」「文書にはしていない」 to 「文書にしていますか」): beside a
    /// yes that names no choice (「ルールはあるけど」) they decide, instead of making the answer 一部だけ.</summary>
    public IReadOnlyList<string> DecisiveWords { get; }

    /// <summary>Words that mark the clause whose choice is the answer when several are named (「本社は東京、工場は群馬」:
    /// 本社 decides; 「本社は名古屋（工場は岐阜）」 too), folded.</summary>
    public IReadOnlyList<string> PrincipalWords { get; }

    /// <summary>Words that mark a clause about something beside what is asked (「ただ、戻せるか試したことはない」 to 「バックアップを
    /// 取っていますか」): its choices yield to another clause's, so the answer is not made 一部だけ by it; folded.</summary>
    public IReadOnlyList<string> AsideWords { get; }

    /// <summary>The choices are places: in 「A の B」 (「金沢の東山」) B lies in A, so A names the choice where the two differ
    /// (B's name is also a ward of Kyoto); elsewhere the last word names the thing (「機械部品の問屋」).</summary>
    public bool Places { get; }

    /// <summary>Choice words that count only as the whole reply (「さっぱり」 alone is 見当がつかない; in 「さっぱり見当つかん」
    /// the negation after it says it, and as a word it would be turned round).</summary>
    public IReadOnlyList<string> WholeOnlyWords { get; }

    /// <summary>The choices are themselves estimates (a yearly amount, what customers will likely ask): a choice named with a
    /// hedge (「10万くらいかな」「そのうち言われるかもしれん」) is the answer, not a guess to confirm.</summary>
    public bool Estimates { get; }

    public string Id { get; }

    /// <summary>A short name of what is asked (「対策の年間予算」), used when the report quotes the user's answer.</summary>
    public string Topic { get; }

    /// <summary>"profile" or a stage code (motivation, awareness, investment, talent, measures).</summary>
    public string Section { get; }

    /// <summary>The adoption stage this question tests; null for company-profile questions.</summary>
    public Stage? Stage { get; }

    public QuestionKind Kind { get; }

    public string Prompt { get; }

    /// <summary>Why we ask and how to answer, for 「ヘルプ」 or 「？」.</summary>
    public string Help { get; }

    /// <summary>Said when a reply could not be understood; the engine shows <see cref="Buttons"/> with it.</summary>
    public string RetryPrompt { get; }

    /// <summary>The answer options, without 「わからない」 (<see cref="Unknown"/>), in display order.</summary>
    public IReadOnlyList<Choice> Choices { get; }

    /// <summary>The 「わからない」 option every question accepts (code "unknown").</summary>
    public Choice Unknown { get; }

    /// <summary>Buttons for the choices, or for their groups when the question has them (47 prefecture buttons help nobody).</summary>
    public IReadOnlyList<ReplyChoice> Buttons { get; }

    /// <summary>The groups the choices are offered in first (regions for the prefecture); null for most questions.</summary>
    public ChoiceGrouping? Grouping { get; }

    /// <summary><see cref="Buttons"/> plus 「わからない」: what every question shows, from the start.</summary>
    public IReadOnlyList<ReplyChoice> ButtonsWithUnknown { get; }

    /// <summary>The question is left out when any of these holds (questions.yaml skipWhen).</summary>
    internal IReadOnlyList<QuestionCondition> SkipRules { get; }

    /// <summary>The question is asked only when this holds (questions.yaml askWhen); null: always.</summary>
    internal QuestionCondition? AskRule { get; }

    /// <summary>Why the question is left out with these answers, or null when it applies.</summary>
    internal string? SkipReason(ConditionContext context)
    {
        foreach (var rule in SkipRules)
        {
            if (rule.When.Evaluate(context))
                return rule.Because;
        }
        return AskRule is { } ask && !ask.When.Evaluate(context) ? ask.Because : null;
    }

    /// <summary>False when the answers so far already leave the question out, whatever the open questions get.</summary>
    internal bool MayBeAsked(ConditionContext context) =>
        SkipRules.All(rule => rule.When.Settle(context) != true) && AskRule?.When.Settle(context) != false;

    /// <summary>Every code this question accepts, including "unknown".</summary>
    public IEnumerable<string> Codes => Choices.Select(c => c.Code).Append(Unknown.Code);

    /// <summary>The label the user sees for a code ("unknown" → 「わからない」); the code itself if it is not ours.</summary>
    public string LabelOf(string code) =>
        code == Unknown.Code ? Unknown.Label : Choices.FirstOrDefault(c => c.Code == code)?.Label ?? code;

    /// <summary>An answer as a person should read it: the owner's own words when typed, the button's label when pressed.</summary>
    public string InWords(string code, string? raw) =>
        raw is null || raw == code || string.IsNullOrWhiteSpace(raw) ? LabelOf(code) : raw.Trim();

    public bool Accepts(string code) => code == Unknown.Code || Choices.Any(c => c.Code == code);

    public override string ToString() => Id;
}
