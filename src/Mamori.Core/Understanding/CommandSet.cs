using Mamori.Core.Text;

namespace Mamori.Core.Understanding;

/// <summary>The words that work at any point (最初から, 戻る, ヘルプ, 終了, 担当者と話したい) and the menu's own.</summary>
public enum CommandKind
{
    Restart,
    Back,
    Help,
    Quit,
    Handoff,
    StartDiagnosis,
    Resume,
    Ask,

    /// <summary>「くわしく」 after a result: the reasons, the stage picture and every measure.</summary>
    Details,
}

/// <summary>Recognises commands, 「わからない」 and greetings in what the user typed; loaded from prompts/dialog/commands.yaml.</summary>
public sealed partial class CommandSet
{
    // Longer messages are requests or questions in their own right, not a command with a few extra words.
    private const int MaxContainsLength = 30;

    // Asking for a person in business keigo takes words (「専門の方に直接ご相談させていただきたいのですが、お取り次ぎいただけ
    // ますでしょうか」): such a request may be longer than others.
    private const int MaxHandoffLength = 50;

    // A command named in a message this long is still offered as a button when the message was not answered.
    private const int MaxMentionLength = 60;

    private readonly IReadOnlyDictionary<CommandKind, string> _labels;
    private readonly (CommandKind Kind, string Phrase)[] _phrases;
    private readonly (CommandKind Kind, string Fragment)[] _fragments;
    private readonly HashSet<string> _unknown;
    private readonly HashSet<string> _greetings;
    private readonly HashSet<string> _yes;
    private readonly HashSet<string> _no;
    private readonly string[] _politeEndings;

    private readonly (CommandKind Kind, string[] Topics, string[] Forms)[] _intents;
    private readonly string[] _questionWords;
    private readonly (string From, string To)[] _canonical;
    private readonly string[] _questionEndings;
    private readonly string[] _askingRequests;
    private readonly HashSet<string> _closings;
    private readonly (CommandKind Kind, string Word)[] _mentions;

    public CommandSet(
        IReadOnlyDictionary<CommandKind, CommandWords> commands,
        IEnumerable<string> unknownPhrases,
        IEnumerable<string> greetings,
        IEnumerable<string> politeEndings,
        IEnumerable<string>? yes = null,
        IEnumerable<string>? no = null,
        IEnumerable<string>? questionWords = null,
        RequestGrammar? grammar = null)
    {
        grammar ??= RequestGrammar.None;
        // Longest first, so 「どげんして」 is rewritten before 「どげん」.
        _canonical = grammar.Canonical.Select(p => (From: JapaneseFold.Fold(p.Key), To: JapaneseFold.Fold(p.Value)))
            .Where(p => p.From.Length > 0).OrderByDescending(p => p.From.Length).ToArray();
        _questionEndings = Fold(grammar.QuestionEndings).OrderByDescending(e => e.Length).ToArray();
        _askingRequests = Canon(Fold(grammar.AskingRequests));
        _closings = Fold(grammar.Closings ?? []).ToHashSet(StringComparer.Ordinal);
        _yes = (yes ?? []).Select(JapaneseFold.Fold).Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal);
        _no = (no ?? []).Select(JapaneseFold.Fold).Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal);
        _politeEndings = politeEndings.Select(JapaneseFold.Fold).Where(e => e.Length > 0).OrderByDescending(e => e.Length).ToArray();
        foreach (var kind in Enum.GetValues<CommandKind>())
        {
            if (!commands.ContainsKey(kind))
                throw new ArgumentException($"Command '{kind}' has no words.", nameof(commands));
        }
        _labels = commands.ToDictionary(c => c.Key, c => c.Value.Label);
        _intents = commands
            .SelectMany(c => c.Value.Requests.Select(r => (c.Key, Canon(Fold(r.Topics)), Canon(Fold(r.Forms)))))
            .Where(i => i.Item2.Length > 0)
            .ToArray();
        _questionWords = Fold(questionWords ?? []);
        _phrases = commands
            .SelectMany(c => c.Value.Phrases.Concat(c.Value.Alone).Append(c.Value.Label).Select(p => (c.Key, JapaneseFold.Fold(p))))
            .Where(p => p.Item2.Length > 0)
            .ToArray();
        _fragments = commands
            .SelectMany(c => c.Value.Contains.Select(p => (c.Key, JapaneseFold.Fold(p))))
            .Where(p => p.Item2.Length > 0)
            .ToArray();
        _mentions = MentionWords(commands).Select(m => (m.Kind, Canon(JapaneseFold.Fold(m.Word))))
            .Where(m => IsDistinctive(m.Item2)).Distinct().OrderByDescending(m => m.Item2.Length).ToArray();
        _unknown = unknownPhrases.Select(JapaneseFold.Fold).Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal);
        _greetings = greetings.Select(JapaneseFold.Fold).Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    public string Label(CommandKind kind) => _labels[kind];

    public CommandKind? Detect(string text)
    {
        // 「？」 alone: the owner does not know what to do here.
        if (text.Trim() is { Length: > 0 } marks && marks.All(c => c is '?' or '？'))
            return CommandKind.Help;
        var key = StripPoliteEnding(JapaneseFold.Fold(text));
        if (key.Length == 0)
            return null;
        foreach (var (kind, phrase) in _phrases)
        {
            if (key == phrase)
                return kind;
        }
        // One typo is forgiven only in longer words: in two- or three-letter words it would turn answers into commands.
        foreach (var (kind, phrase) in _phrases)
        {
            if (phrase.Length >= 4 && key.Length >= 4 && JapaneseFold.WithinEdits(key, phrase, 1))
                return kind;
        }
        if (key.Length <= MaxContainsLength)
        {
            foreach (var (kind, fragment) in _fragments)
            {
                // 「オペレーター役の社員に管理者権限渡してもいい？」 asks about something else that has the word in it.
                if (key.Contains(fragment, StringComparison.Ordinal) && !Asks(key, fragment))
                    return kind;
            }
        }
        return null;
    }

    /// <summary>
    /// A request in plain words (「うちの店を診断してほしい」「最初っからやり直させて」): a topic and a request form together
    /// in a short message that does not ask about it (「診断始める前に何か準備いるっすか」). Weaker than <see cref="Detect"/>: in the
    /// diagnosis it counts only when the message is not an answer to the question.
    /// </summary>
    public CommandKind? DetectRequest(string text)
    {
        var sentences = Sentences(text);
        if (WithoutClosings(sentences))
            text = string.Concat(sentences);
        var folded = JapaneseFold.Fold(text);
        var whole = Canon(folded);
        var key = Canon(StripPoliteEnding(folded));
        if (key.Length == 0 || key.Length > MaxHandoffLength)
            return null;
        var endsAsQuestion = EndsAsQuestion(key) || EndsInQuestionMark(text);
        foreach (var (kind, topics, forms) in _intents)
        {
            // A long message is a request for a person only when it ends asking for one (「…お取り次ぎいただけますでしょうか」).
            if (key.Length > MaxContainsLength && (kind is not CommandKind.Handoff || !EndsAsking(key)))
                continue;
            // The form is looked for before the polite ending comes off: 「はじめから　おねがいします」 asks in it.
            if (topics.Where(t => key.Contains(t, StringComparison.Ordinal)).MaxBy(t => t.Length) is not { } topic
                || (forms.Length > 0 && !forms.Any(f => whole.Contains(f, StringComparison.Ordinal))))
                continue;
            // 「相談に乗ってくれる専門家って、どこで探せばいいんですか」: asking about finding a person (questionWords) is a
            // question, for a person too.
            if (!Asks(key, topic))
            {
                // 「診断始める前に何か準備いるっすか」「データは戻るんかね」: said as a question, not as a request. Asking for a
                // person and how to use the bot are questions by nature (「これどうやって使うん？」), so they stay requests.
                if (endsAsQuestion && kind is not (CommandKind.Handoff or CommandKind.Help) && !IsAskingRequest(key))
                    continue;
                return kind;
            }
        }
        // 「疲れた！ もうやめていい？ やめます」: a request said last, in a sentence of its own. Not help: after a problem
        // (「パスワード忘れた。助けて」) 助けて is about the problem, not about using the bot.
        // After a long story, only a last sentence that itself asks (「…。診断お願いできますか」) or is short on its own
        // (「…。全部やり直しで！」) is a request; 「…再起動したけど、それで終わりでええんか？」 asks about the story.
        // After a question about something else, 「リンク公開やめたい」 stops the link, not the chat.
        var isShort = key.Length <= MaxContainsLength;
        if (sentences.Count > 1 && sentences[^1] is var last && (Detect(last) ?? DetectRequest(last)) is { } said and not CommandKind.Help
            && (said is not CommandKind.Quit || !AsksAboutSomethingElse(sentences[..^1]))
            && (isShort || AsksIn(last) || JapaneseFold.Fold(last).Length <= MaxContainsLength / 2))
            return said;
        // 「さっきの回答を訂正したいです。従業員数は20名ではなく25名でした。」「AIじゃなくて、ちゃんとした人に相談したいです。うちの
        // 状況、説明すると長くなるので。」: a request said first, what it is about after it, when nothing after it is a question.
        if (sentences.Count > 1 && DetectRequest(sentences[0]) is { } first and not CommandKind.Help
            && sentences.Skip(1).All(s => !EndsInQuestionMark(s) && !EndsAsQuestion(Canon(StripPoliteEnding(JapaneseFold.Fold(s))))))
            return first;
        // 「疲れた、終わり」: a command word said whole after a comma, too, or a request asked in the last piece (「途中で電話
        // 入って分からんくなったけぇ、もう一回はじめからやらせてもらえん？」).
        if (LastPhrase(text) is not { } phrase)
            return null;
        if (isShort && Detect(phrase) is { } named and not CommandKind.Help)
            return named;
        return AsksIn(phrase) && DetectRequest(phrase) is { } asked and not CommandKind.Help ? asked : null;
    }

    private static bool EndsInQuestionMark(string text) => text.TrimEnd() is { Length: > 0 } t && t[^1] is '?' or '？';

    // 「…元に戻すにはどうしたらいい？」 before 「…やめたい」: an earlier sentence asks, and not about stopping.
    private bool AsksAboutSomethingElse(List<string> earlier) =>
        earlier.Any(EndsInQuestionMark)
        && !earlier.Any(s => _phrases.Any(p => p.Kind == CommandKind.Quit && JapaneseFold.Fold(s).Contains(p.Phrase, StringComparison.Ordinal)));

    private bool AsksIn(string piece) => EndsAsking(Canon(StripPoliteEnding(JapaneseFold.Fold(piece))));

    // The last of several comma-separated pieces; null for a message of one.
    private static string? LastPhrase(string text)
    {
        var pieces = text.Split(['、', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return pieces.Length > 1 ? pieces[^1] : null;
    }

    // The sentences of a message, each with its closing mark (「…戻ってくる？」 stays a question).
    private static List<string> Sentences(string text) =>
        SentenceEnd().Split(text.Trim()).Select(s => s.Trim()).Where(s => s.Trim('。', '！', '!', '？', '?').Length > 0).ToList();

    // 「時間がないので今回はこれで終わりにします。ありがとうございました」: closing words in sentences of their own after the
    // request are no part of it, nor a greeting before it (「よろしくお願いいたします。自社の診断を…」). True when some were taken off.
    private bool WithoutClosings(List<string> sentences)
    {
        var count = sentences.Count;
        while (sentences.Count > 1 && _closings.Contains(StripPoliteEnding(JapaneseFold.Fold(sentences[^1]))))
            sentences.RemoveAt(sentences.Count - 1);
        while (sentences.Count > 1 && StripPoliteEnding(JapaneseFold.Fold(sentences[0])) is var first && (_greetings.Contains(first) || _closings.Contains(first)))
            sentences.RemoveAt(0);
        return sentences.Count < count;
    }

    // After a closing mark (one or more) or a line break.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[。！!？?]+)(?![。！!？?])|\n")]
    private static partial System.Text.RegularExpressions.Regex SentenceEnd();

    /// <summary>
    /// The commands a message names without asking for them in a form <see cref="DetectRequest"/> knows (「やめるべ、
    /// 疲れた」「コマンド一覧出して」), longest word first. When such a message went to question answering and was not
    /// answered, they are offered as buttons, so a request in words the reading does not know never ends at a refusal.
    /// </summary>
    public IReadOnlyList<CommandKind> Mentioned(string text)
    {
        var key = Canon(JapaneseFold.Fold(text));
        if (key.Length == 0 || key.Length > MaxMentionLength)
            return [];
        // Not a word asked about (「リセットはどのくらいの頻度で？」) or inside a longer loanword (ヘルプデスク).
        return _mentions.Where(m => Names(key, m.Word) && !Asks(key, m.Word)).Select(m => m.Kind).Distinct().ToArray();
    }

    private static bool Names(string key, string word)
    {
        for (var at = key.IndexOf(word, StringComparison.Ordinal); at >= 0; at = key.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if (end == key.Length || !IsKatakana(key[end]) || !IsKatakana(word[^1]))
                return true;
        }
        return false;
    }

    private static bool IsKatakana(char c) => c is >= '\u30A1' and <= '\u30FA' or 'ー';

    // The words that name a command on their own: its label, phrases, fragments and the request topics that need no
    // request form (a topic that needs one, 最初 or 前, is in too many questions). Not 「質問する」's: the message was a
    // question already.
    private static IEnumerable<(CommandKind Kind, string Word)> MentionWords(IReadOnlyDictionary<CommandKind, CommandWords> commands) =>
        commands.Where(c => c.Key is not CommandKind.Ask).SelectMany(c =>
            c.Value.Phrases.Concat(c.Value.Contains).Concat(c.Value.Requests.Where(r => r.Forms.Count == 0).SelectMany(r => r.Topics))
                .Append(c.Value.Label).Select(word => (c.Key, word)));

    // Short kana words are inside too many others (はい in 「パスワードはいつ」, やめ in 「やめたほうが」); a word with a kanji
    // or of three letters or more names the command.
    private static bool IsDistinctive(string word) =>
        word.Length >= 3 || (word.Length == 2 && word.Any(c => c is >= '\u4E00' and <= '\u9FFF'));

    // A question word that is part of the request's own topic (方法 in 「操作方法を教えて」) does not make it a question, but one
    // the topic is part of does (「ヘルプデスクを外注するのってアリ？」 is about a help desk, not the bot's ヘルプ).
    private bool Asks(string key, string topic)
    {
        var rest = key.Replace(topic, "・", StringComparison.Ordinal);
        return _questionWords.Any(w => rest.Contains(w, StringComparison.Ordinal)
            || (w.Length > topic.Length && w.Contains(topic, StringComparison.Ordinal) && key.Contains(w, StringComparison.Ordinal)));
    }

    private bool EndsAsQuestion(string key) => _questionEndings.Any(e => key.Length > e.Length && key.EndsWith(e, StringComparison.Ordinal));

    // A request put as a question: the verb before the ending is a request (「診断していただけますか」「見てくれる？」) or a
    // potential form (「やり直せますか」「戻れるっすか」: can I…?). 「診断してくれるところある？」 ends in ある: a question.
    private bool IsAskingRequest(string key) =>
        EndsAsking(key) || WithoutVerbTails(WithoutQuestionEnding(key)) is { Length: > 0 } verb && "れせえけき".Contains(verb[^1])
            && !verb.EndsWith("ええ", StringComparison.Ordinal);   // 「それで終わりでええんか」: ええ is good, no potential form

    // 「お取り次ぎいただけますでしょうか」「おつなぎください」: the message ends in a request form itself, not only in a verb
    // that could be a potential one.
    private bool EndsAsking(string key)
    {
        var verb = WithoutQuestionEnding(key);
        return EndsInAskingRequest(verb) || EndsInAskingRequest(WithoutVerbTails(verb));
    }

    private string WithoutQuestionEnding(string key) =>
        _questionEndings.FirstOrDefault(e => key.EndsWith(e, StringComparison.Ordinal)) is { } ending ? key[..^ending.Length] : key;

    // What may follow the verb before a question ending: 「やり直せ|ます|か」「戻れ|る|っすか」「見てくれ|る|の？」.
    private static string WithoutVerbTails(string verb)
    {
        foreach (var tail in VerbTails)
        {
            if (verb.EndsWith(tail, StringComparison.Ordinal))
                verb = verb[..^tail.Length];
        }
        return verb;
    }

    private static readonly string[] VerbTails = ["ます", "ん", "の", "る"];

    private bool EndsInAskingRequest(string verb) => _askingRequests.Any(r => verb.EndsWith(r, StringComparison.Ordinal));

    // Dialect and humble forms rewritten to one (「どげん使えば」 → 「どう使えば」, 「失礼いたします」 → 「失礼します」), so one
    // topic or form covers them all; topics and forms are rewritten the same way.
    private string Canon(string key)
    {
        foreach (var (from, to) in _canonical)
            key = key.Replace(from, to, StringComparison.Ordinal);
        return key;
    }

    private string[] Canon(string[] words) => words.Select(Canon).Where(w => w.Length > 0).Distinct().ToArray();

    private static string[] Fold(IEnumerable<string> words) =>
        words.Select(JapaneseFold.Fold).Where(w => w.Length > 0).Distinct().ToArray();

    public bool IsUnknown(string text) => _unknown.Contains(Whole(text));

    /// <summary>Yes to 「よろしいですか？」 (はい, うん, そうです, 合ってます …).</summary>
    public bool IsYes(string text) => _yes.Contains(Whole(text));

    /// <summary>No to 「よろしいですか？」 (いいえ, ちがう, ちゃう …).</summary>
    public bool IsNo(string text) => _no.Contains(Whole(text));

    public bool IsGreeting(string text) => _greetings.Contains(Whole(text));

    // The whole message as a phrase: folded, a trailing 「…」 (three dots once folded) and the polite ending off (「さあ…」「はい…」).
    private string Whole(string text) => StripPoliteEnding(JapaneseFold.Fold(text).TrimEnd('.'));

    private string StripPoliteEnding(string key)
    {
        foreach (var ending in _politeEndings)
        {
            if (key.Length > ending.Length && key.EndsWith(ending, StringComparison.Ordinal))
                return key[..^ending.Length];
        }
        return key;
    }
}

/// <param name="Label">The button text.</param>
/// <param name="Phrases">Whole-message variants.</param>
/// <param name="Contains">Fragments that trigger the command anywhere in a short message.</param>
/// <param name="Requests">Plain-word requests: a topic word and a request form anywhere in a short message.</param>
/// <param name="AlonePhrases">Whole-message variants made of everyday words (「次どうすれば」「何したらいい」): the command
/// only as the whole message, never offered as a command a refused question mentions.</param>
public sealed record CommandWords(string Label, IReadOnlyList<string> Phrases, IReadOnlyList<string> Contains, IReadOnlyList<CommandRequest>? RequestForms = null,
    IReadOnlyList<string>? AlonePhrases = null)
{
    public IReadOnlyList<CommandRequest> Requests => RequestForms ?? [];

    public IReadOnlyList<string> Alone => AlonePhrases ?? [];
}

/// <summary>
/// What plain-word requests share across commands (commands.yaml): dialect rewrites, the endings that make a message a
/// question, the request forms that end like one (「〜いただけますか」), and the closing words said after a request
/// (「…終わりにします。ありがとうございました」).
/// </summary>
public sealed record RequestGrammar(IReadOnlyDictionary<string, string> Canonical, IReadOnlyList<string> QuestionEndings, IReadOnlyList<string> AskingRequests,
    IReadOnlyList<string>? Closings = null)
{
    public static readonly RequestGrammar None = new(new Dictionary<string, string>(), [], []);
}

/// <param name="Forms">Empty: the topic alone is enough (「前の質問に戻って」).</param>
public sealed record CommandRequest(IReadOnlyList<string> Topics, IReadOnlyList<string> Forms);
