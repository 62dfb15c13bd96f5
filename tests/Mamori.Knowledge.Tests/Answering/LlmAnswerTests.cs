using Mamori.Core.Answering;
using Microsoft.Extensions.Logging;
using static Mamori.Knowledge.Tests.Answering.TestAnswerers;

namespace Mamori.Knowledge.Tests.Answering;

/// <summary>The Semantic Kernel chat path end to end, against a loopback server speaking the real wire format.</summary>
public sealed class LlmAnswerTests : IAsyncLifetime
{
    private const string Question = "取引先から振込先口座の変更依頼メールが来た";
    private LoopbackModelServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackModelServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<KnowledgeAnswer> Ask(Model model = Model.Azure, LogSink? logs = null) =>
        Create(Guidelines, _server, model, logs).AnswerAsync(new QuestionRequest(Question, []), CancellationToken.None);

    [Fact]
    public async Task モデルの答えには出典番号が付き_出典の一覧は答えの外に添えられる()
    {
        _server.ReplyWithChat("振込先を変えるという連絡は、メールに返信せず、以前から知っている電話番号で取引先に確かめてください[1]。");

        var answer = await Ask();

        Assert.True(answer.Grounded);
        Assert.Equal("llm", answer.Mode);
        Assert.StartsWith("振込先を変えるという連絡は", answer.Answer);
        Assert.Contains("[1]", answer.Answer);
        Assert.Single(answer.Citations);
        Assert.DoesNotContain(answer.Citations[0].Url, answer.Answer);   // each channel lists the sources once, under the answer
    }

    [Fact]
    public async Task Azure_OpenAIの形でリクエストし資料は区切って渡す()
    {
        _server.ReplyWithChat("メール以外の方法で確かめます[1]。");

        await Ask();

        var request = Assert.Single(_server.ChatRequests);
        Assert.Equal("/openai/deployments/chat-test/chat/completions", request.Path);
        Assert.Contains("api-version=", request.Query);
        Assert.Equal("test-key", request.ApiKey);
        Assert.Equal(["system", "user"], request.Roles());
        var text = request.MessagesText();
        Assert.Contains("<source id=\"1\"", text);
        Assert.Contains("</source>", text);
        Assert.Contains("NO_ANSWER", text);
        Assert.Contains("振込", text);
    }

    [Fact]
    public async Task OpenAI互換のエンドポイントでも答える()
    {
        _server.ReplyWithChat("電話で確認してください[1]。");

        var answer = await Ask(Model.OpenAICompatible);

        Assert.Equal("llm", answer.Mode);
        Assert.Equal("/v1/chat/completions", Assert.Single(_server.ChatRequests).Path);
        Assert.Equal("Bearer test-key", _server.ChatRequests.Single().Authorization);
    }

    [Fact]
    public async Task モデルが500を返したら抽出型の答えに切り替えてログを残す()
    {
        _server.ReplyWithStatus(500);
        var logs = new LogSink();

        var answer = await Ask(logs: logs);

        Assert.True(answer.Grounded);
        Assert.Equal("extractive", answer.Mode);
        Assert.Contains("[1]", answer.Answer);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("answering extractively"));
    }

    [Fact]
    public async Task 壊れた応答でも落ちずに抽出型の答えを返す()
    {
        _server.ReplyWithRawBody("{\"choices\": [ {\"message\": ");
        var logs = new LogSink();

        var answer = await Ask(logs: logs);

        Assert.True(answer.Grounded);
        Assert.Equal("extractive", answer.Mode);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task 渡していない資料番号を引用した答えは使わない()
    {
        _server.ReplyWithChat("振込先の変更は電話で確認します[9]。");

        var answer = await Ask();

        Assert.Equal("extractive", answer.Mode);
        Assert.DoesNotContain("[9]", answer.Answer);
    }

    [Fact]
    public async Task 何も引用しない答えはお断りになる()
    {
        _server.ReplyWithChat("一般的には、銀行に相談するのがよいでしょう。");

        var answer = await Ask();

        Assert.False(answer.Grounded);
        Assert.Empty(answer.Citations);
        Assert.Contains("担当者と話したい", answer.Answer);
        Assert.DoesNotContain("銀行に相談", answer.Answer);
    }

    [Fact]
    public async Task 出典のない文は答えから外す()
    {
        _server.ReplyWithChat("電話で取引先に確かめてください[1]。なお、警察に届けると必ずお金が戻ります。");

        var answer = await Ask();

        Assert.Equal("llm", answer.Mode);
        Assert.Contains("電話で取引先に確かめてください[1]", answer.Answer);
        Assert.DoesNotContain("必ずお金が戻ります", answer.Answer);
    }

    [Fact]
    public async Task 資料に答えがないとモデルが言えばお断りする()
    {
        _server.ReplyWithChat("NO_ANSWER");

        var answer = await Ask();

        Assert.False(answer.Grounded);
        Assert.Contains("担当者と話したい", answer.Answer);
    }

    [Fact]
    public async Task 根拠が弱い質問はモデルを呼ばずにお断りする()
    {
        var answer = await Create(Guidelines, _server, Model.Azure)
            .AnswerAsync(new QuestionRequest("明日の天気は？", []), CancellationToken.None);

        Assert.False(answer.Grounded);
        Assert.Empty(_server.ChatRequests);
    }
}
