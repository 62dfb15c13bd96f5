using Mamori.Core.Answering;

namespace Mamori.Knowledge.Tests.Answering;

/// <summary>Answers without a language model, over the real knowledge/ documents.</summary>
public sealed class ExtractiveAnswerTests
{
    private static Task<KnowledgeAnswer> Ask(string question, params ConversationLine[] history) =>
        TestAnswerers.Create(TestAnswerers.Guidelines).AnswerAsync(new QuestionRequest(question, history), CancellationToken.None);

    [Fact]
    public async Task 振込先変更メールの質問には出典つきで根拠のある答えを返す()
    {
        var answer = await Ask("取引先から振込先口座の変更依頼メールが来た");

        Assert.True(answer.Grounded);
        Assert.Equal("extractive", answer.Mode);
        Assert.Contains("[1]", answer.Answer);
        Assert.Contains(answer.Citations, c => c.DocId.StartsWith("bec", StringComparison.Ordinal));
        Assert.DoesNotContain(answer.Citations[0].Url, answer.Answer);   // each channel lists the sources once, under the answer
        Assert.Contains("電話", answer.Answer);   // the advice the owner needs: confirm by phone, not by replying
    }

    [Fact]
    public async Task 引用した文はすべて出典の文書の本文にある()
    {
        var answer = await Ask("ランサムウェアに感染したらまず何をする？");

        Assert.True(answer.Grounded);
        var quoted = answer.Answer.Split('\n').Where(l => l.StartsWith('・')).ToList();
        Assert.NotEmpty(quoted);
        Assert.All(quoted, line => Assert.Matches(@"\[\d\]$", line));
        var numbers = quoted.Select(l => int.Parse(l[(l.LastIndexOf('[') + 1)..^1])).ToList();
        Assert.All(numbers, n => Assert.InRange(n, 1, answer.Citations.Count));
    }

    [Fact]
    public async Task ガイドラインにない質問には丁寧にお断りし担当者を案内する()
    {
        var answer = await Ask("明日の天気は？");

        Assert.False(answer.Grounded);
        Assert.Empty(answer.Citations);
        Assert.Contains("申し訳ありません", answer.Answer);
        Assert.Contains("「担当者と話したい」と送ってください", answer.Answer);
        Assert.DoesNotContain("[1]", answer.Answer);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task 空の質問でも落ちずにお断りする(string question)
    {
        var answer = await Ask(question);

        Assert.False(answer.Grounded);
        Assert.Contains("担当者と話したい", answer.Answer);
    }

    [Fact]
    public async Task とても長い入力でも落ちずに答える()
    {
        var answer = await Ask(string.Concat(Enumerable.Repeat("パスワードの決め方を教えて。", 200)));

        Assert.False(string.IsNullOrWhiteSpace(answer.Answer));
    }
}

/// <summary>When the store itself fails, the user gets a polite message and a way to a person, not an error.</summary>
public sealed class SearchOutageTests
{
    [Fact]
    public async Task 検索が失敗しても落ちずにおわびと担当者の案内を返す()
    {
        var logs = new LogSink();
        var broken = new Mamori.Knowledge.Index.KnowledgeRetriever(new FailingStore(), TestAnswerers.Guidelines.Index,
            Mamori.Knowledge.Analysis.SynonymDictionary.Empty, Mamori.Knowledge.Index.RetrievalOptions.Default);

        var answer = await TestAnswerers.Create(broken, logs: logs)
            .AnswerAsync(new QuestionRequest("パスワードは何文字以上？", []), CancellationToken.None);

        Assert.False(answer.Grounded);
        Assert.Contains("検索がうまく動いていない", answer.Answer);
        Assert.Contains("担当者と話したい", answer.Answer);
        Assert.Contains(logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error);
    }

    private sealed class FailingStore : Mamori.Knowledge.Index.IChunkStore
    {
        public Task UpsertAsync(IReadOnlyList<Mamori.Knowledge.Index.IndexedChunk> chunks, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<Mamori.Knowledge.Index.ChunkHit>> QueryAsync(Mamori.Knowledge.Index.ChunkQuery query, CancellationToken cancellationToken) =>
            throw new IOException("connection refused (test)");
    }
}
