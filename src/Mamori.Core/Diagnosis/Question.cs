using Mamori.Core.Diagnosis.Conditions;
using Mamori.Core.Diagnosis.Parsing;
using Mamori.Core.Domain;
using Mamori.Core.Messages;

namespace Mamori.Core.Diagnosis;

/// <summary>
/// One diagnosis question, built once from knowledge/diagnosis/questions.yaml. Immutable and thread-safe:
/// the dialog engine shares one instance across conversations.
/// </summary>
public sealed class Question
{
    private readonly SynonymMatcher _matcher;

    internal Question(
        string id, string topic, string section, QuestionKind kind, string prompt, string help, string retryPrompt,
        IReadOnlyList<Choice> choices, Choice unknown, bool showButtons, Condition? skipWhen, Condition? askWhen)
    {
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
        SkipWhen = skipWhen;
        AskWhen = askWhen;
        Buttons = showButtons ? choices.Select(c => new ReplyChoice(c.Label)).ToList() : [];
        ButtonsWithUnknown = [.. Buttons, new ReplyChoice(unknown.Label)];
        _matcher = new SynonymMatcher(
            choices.Select(c => (c.Code, c.Dominant, (IEnumerable<string>)[c.Code, c.Label, .. c.Synonyms]))
                .Append((unknown.Code, false, [unknown.Code, unknown.Label, .. unknown.Synonyms])),
            choices.Where(c => c.Combines is { Count: > 1 }).Select(c => (c.Code, (IReadOnlyCollection<string>)c.Combines!)));
    }

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

    /// <summary>Buttons for the choices (empty for free-text questions such as the prefecture: 47 buttons help nobody).</summary>
    public IReadOnlyList<ReplyChoice> Buttons { get; }

    /// <summary><see cref="Buttons"/> plus 「わからない」, for the engine to offer after two misses.</summary>
    public IReadOnlyList<ReplyChoice> ButtonsWithUnknown { get; }

    internal Condition? SkipWhen { get; }

    internal Condition? AskWhen { get; }

    /// <summary>Every code this question accepts, including "unknown".</summary>
    public IEnumerable<string> Codes => Choices.Select(c => c.Code).Append(Unknown.Code);

    /// <summary>
    /// Understands a button label, a code, or free text (full-/half-width, kanji numerals, amounts, counts, synonyms).
    /// Null when the reply cannot be mapped with confidence: never a guess.
    /// </summary>
    public AnswerMatch? Match(string? text)
    {
        var folded = JapaneseText.Fold(text);
        if (folded.Length == 0)
            return null;
        // A pressed button (or a code, or a whole-reply synonym) is taken as it is, before any number reading.
        if (_matcher.MatchExact(folded) is { } exact)
            return ToMatch(exact, null);
        var byWords = _matcher.Match(folded);
        if (Kind == QuestionKind.Choice || byWords == Unknown.Code)
            return byWords is null ? null : ToMatch(byWords, null);

        var quantity = Kind == QuestionKind.Count ? QuantityReader.People(folded) : QuantityReader.YenPerYear(folded);
        if (quantity is not { } q)
            return byWords is null ? null : ToMatch(byWords, null);
        var low = Choices.FirstOrDefault(c => c.Contains(q.Min));
        var high = Choices.FirstOrDefault(c => c.Contains(q.Max));
        // A range across two bands (「5万から10万」), or words that disagree with the number, is not an answer.
        if (low is null || low != high || (byWords is not null && byWords != low.Code))
            return null;
        return ToMatch(low.Code, q.Min == q.Max ? q.Min : null);
    }

    /// <summary>The label the user sees for a code ("unknown" → 「わからない」); the code itself if it is not ours.</summary>
    public string LabelOf(string code) =>
        code == Unknown.Code ? Unknown.Label : Choices.FirstOrDefault(c => c.Code == code)?.Label ?? code;

    public bool Accepts(string code) => code == Unknown.Code || Choices.Any(c => c.Code == code);

    private AnswerMatch ToMatch(string code, decimal? number) => new(code, LabelOf(code), number);

    public override string ToString() => Id;
}
