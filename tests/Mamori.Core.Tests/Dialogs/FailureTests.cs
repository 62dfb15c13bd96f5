using Mamori.Core.Messages;
using Mamori.Core.Answering;
using Mamori.Core.Conversations;
using Mamori.Core.Dialogs;
using Mamori.Core.Understanding;

namespace Mamori.Core.Tests.Dialogs;

/// <summary>When a part behind the engine fails, the user still gets a polite answer and nothing is half-saved.</summary>
public sealed class FailureTests
{
    [Fact]
    public async Task A_failing_report_gets_a_polite_apology_and_the_last_answer_can_be_sent_again()
    {
        var flow = new BrokenReportFlow();
        using var bot = new TestBot(flow: flow);
        await bot.Conversation()
            .Send("診断を始める").Send("1〜5人").Send("止まる")
            .Send("いない").ExpectReplyContaining("こちら側で問題が起きたため").ExpectNoHandoff()
            .RunAsync();
        var stored = await bot.Store.LoadConversationAsync(new ConversationKey("default", "c1"), CancellationToken.None);
        Assert.Equal(2, stored!.State.Answers.Count);   // the failing turn saved nothing

        flow.Broken = false;
        await bot.Conversation().Send("いない").ExpectReplyContaining("いちばんの壁は「人材」").RunAsync();
    }

    [Fact]
    public async Task A_failing_answerer_gets_an_apology_and_the_diagnosis_goes_on()
    {
        using var bot = new TestBot(new ThrowingAnswerer());
        await bot.Conversation()
            .Send("診断を始める")
            .Send("補助金について教えて").ExpectReplyContaining("回答を用意する途中で問題が起きました").ExpectReplyContaining("【1/4】従業員は何名")
            .Send("1〜5人").ExpectReplyContaining("【2/4】")
            .RunAsync();
    }

    [Fact]
    public async Task The_answer_is_kept_in_the_history_for_a_follow_up_cut_to_a_reasonable_length()
    {
        var answerer = new RecordingAnswerer();
        using var bot = new TestBot(answerer);
        await bot.Conversation().Send("パスワードの決め方は？").Send(new string('長', 900) + "？").Send("それはいくら？").RunAsync();

        var last = answerer.Requests[^1];
        Assert.Equal(
            [ConversationRole.User, ConversationRole.Bot, ConversationRole.User, ConversationRole.Bot],
            last.History.Select(l => l.Role));
        Assert.Equal("パスワードの決め方は？", last.History[0].Text);
        Assert.Equal(ConversationState.MaxLineLength, last.History[2].Text.Length);
    }

    [Fact]
    public async Task When_every_save_loses_the_race_the_user_is_asked_to_send_again_and_nothing_half_applies()
    {
        using var bot = new TestBot();
        var key = new ConversationKey("default", "contended");
        await bot.Engine.HandleAsync(new IncomingTurn(key, "u", "診断を始める", "test"), CancellationToken.None);

        var engine = bot.CreateEngine(new AlwaysLosingStore(bot.Store));
        var result = await engine.HandleAsync(new IncomingTurn(key, "u", "1〜5人", "test"), CancellationToken.None);

        Assert.Contains("混み合っています", ConversationScript.Transcript(result));
        var stored = await bot.Store.LoadConversationAsync(key, CancellationToken.None);
        Assert.Empty(stored!.State.Answers);
    }

    /// <summary>A store where another turn always saved first, as under extreme contention.</summary>
    private sealed class AlwaysLosingStore(global::Mamori.Core.Storage.IConversationStore inner) : global::Mamori.Core.Storage.IConversationStore
    {
        public Task<global::Mamori.Core.Storage.Stored<ConversationState>?> LoadConversationAsync(ConversationKey key, CancellationToken cancellationToken) =>
            inner.LoadConversationAsync(key, cancellationToken);

        public Task<bool> TrySaveConversationAsync(ConversationKey key, ConversationState state, long expectedVersion, CancellationToken cancellationToken) =>
            Task.FromResult(false);

        public Task<global::Mamori.Core.Storage.Stored<UserState>?> LoadUserAsync(global::Mamori.Core.Storage.UserKey key, CancellationToken cancellationToken) =>
            inner.LoadUserAsync(key, cancellationToken);

        public Task<bool> TrySaveUserAsync(global::Mamori.Core.Storage.UserKey key, UserState state, long expectedVersion, CancellationToken cancellationToken) =>
            Task.FromResult(false);

        public Task ForgetAsync(ConversationKey conversation, global::Mamori.Core.Storage.UserKey user, CancellationToken cancellationToken) =>
            inner.ForgetAsync(conversation, user, cancellationToken);

        public Task<int> ForgetInactiveAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
            inner.ForgetInactiveAsync(cutoff, cancellationToken);
    }

    private sealed class BrokenReportFlow : IDiagnosisFlow
    {
        private readonly SmallDiagnosisFlow _inner = new();

        public bool Broken { get; set; } = true;

        public string Intro => _inner.Intro;

        public string Outro => _inner.Outro;

        public FlowQuestion? Next(IReadOnlyList<RecordedAnswer> answers) => _inner.Next(answers);

        public FlowQuestion? Find(string questionId) => _inner.Find(questionId);

        public DiagnosisProgress Progress(IReadOnlyList<RecordedAnswer> answers) => _inner.Progress(answers);

        public ReplyReading Read(FlowQuestion question, string text) => _inner.Read(question, text);

        public bool IsButtonLabel(string text) => _inner.IsButtonLabel(text);

        public IReadOnlyList<BotReply> Details(IReadOnlyList<RecordedAnswer> answers, string? regionHint = null) => _inner.Details(answers, regionHint);

        public DiagnosisOutcome Conclude(IReadOnlyList<RecordedAnswer> answers, string? regionHint = null) =>
            Broken ? throw new InvalidDataException("report.yaml: 'headline' is missing.") : _inner.Conclude(answers, regionHint);
    }

    private sealed class ThrowingAnswerer : IQuestionAnswerer
    {
        public Task<KnowledgeAnswer> AnswerAsync(QuestionRequest request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("The model endpoint is unreachable.");
    }
}
