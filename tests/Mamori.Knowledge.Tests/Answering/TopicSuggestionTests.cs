using Mamori.Core.Answering;
using Mamori.Knowledge.Answering;
using Mamori.Knowledge.Index;

namespace Mamori.Knowledge.Tests.Answering;

/// <summary>
/// Middling evidence over the real guidelines: instead of refusing or quoting unrelated sentences, the bot asks which of
/// the likeliest topics is meant; the owner presses one (its label comes back as the next message) and gets an answer
/// from that document. Only when nothing is close does it refuse.
/// </summary>
public sealed class TopicSuggestionTests
{
    private static readonly KnowledgeAnswerer Answerer = TestAnswerers.Create(TestAnswerers.Guidelines);

    private static Task<KnowledgeAnswer> Ask(string question, params ConversationLine[] history) =>
        Answerer.AnswerAsync(new QuestionRequest(question, history), CancellationToken.None);

    [Fact]
    public async Task 近い資料が複数あるときは正しい資料を含む2つか3つの話題を選んでもらう()
    {
        var answer = await Ask("うちみたいな小さい店でも被害って実際どのくらいあるの？");

        Assert.False(answer.Grounded);
        Assert.InRange(answer.Suggestions.Count, 2, 3);
        Assert.Contains(answer.Suggestions, s => s.DocId == "threats-top10-damage-stats");
        Assert.Contains("次のどれについてのご質問ですか？", answer.Answer);
        Assert.All(answer.Suggestions, s =>
        {
            Assert.InRange(s.Label.Length, 1, 20);                  // LINE shows at most 20 characters of a button
            Assert.Contains(s.Label, answer.Answer);               // channels without buttons still list them
        });
        Assert.Equal(answer.Suggestions.Count, answer.Suggestions.Select(s => s.DocId).Distinct().Count());
    }

    [Fact]
    public async Task 話題のボタンを押すとその資料から出典つきで答える()
    {
        const string question = "うちみたいな小さい店でも被害って実際どのくらいあるの？";
        var offered = await Ask(question);
        var chosen = Assert.Single(offered.Suggestions, s => s.DocId == "threats-top10-damage-stats");

        var answer = await Ask(chosen.Label, new ConversationLine(ConversationRole.User, question), new ConversationLine(ConversationRole.Bot, offered.Answer));

        Assert.True(answer.Grounded);
        Assert.Empty(answer.Suggestions);
        Assert.Equal(["threats-top10-damage-stats"], answer.Citations.Select(c => c.DocId));
        Assert.Contains("[1]", answer.Answer);
    }

    [Fact]
    public async Task 会話の前がなくても話題の名前だけでその資料から答える()
    {
        var answer = await Ask("テレワークの注意点は？");

        Assert.True(answer.Grounded);
        Assert.Equal("telework", answer.Citations[0].DocId);
    }

    [Theory]
    [InlineData("明日の天気は？")]
    [InlineData("ラーメンのスープの仕込みは何時間がいい？")]
    [InlineData("有給休暇って年に何日あげなあかんの")]
    public async Task 関係のない質問には話題を出さずにお断りする(string question)
    {
        var answer = await Ask(question);

        Assert.False(answer.Grounded);
        Assert.Empty(answer.Suggestions);
        Assert.Empty(answer.Citations);
        Assert.Contains("担当者", answer.Answer);
    }

    [Theory]
    [InlineData("家から仕事をするときに気をつけることは？", "telework")]
    [InlineData("社員に会社のスマホを持たせるときのルールは？", "mobile-devices")]
    [InlineData("取引先から振込先口座の変更依頼メールが来た", "bec")]
    [InlineData("ランサムウェアに感染したらまず何をする？", "ransomware-response")]
    public async Task 抜き出しの答えは質問の大事な言葉を含む資料だけから引き別の話をつなげない(string question, string expected)
    {
        var trace = await Answerer.ExplainAsync(new QuestionRequest(question, []), CancellationToken.None);

        Assert.True(trace.Answer.Grounded);
        Assert.Equal(expected, trace.Answer.Citations[0].DocId);
        Assert.InRange(trace.Answer.Citations.Count, 1, 2);
        var keys = KeyTerms.Of(trace.Retrieval!.Analyzed, TestAnswerers.Guidelines.Index.Statistics);
        Assert.False(keys.IsEmpty);
        Assert.All(trace.Quoted, p => Assert.True(keys.FoundIn(TestAnswerers.Guidelines.Index.Find(p.ChunkId)!.Sparse),
            $"{p.ChunkId} holds none of {string.Join(" ", keys.Terms)}"));
        Assert.All(trace.Quoted, p => Assert.Contains(p.DocId, trace.Answer.Citations.Select(c => c.DocId)));
    }

    [Fact]
    public async Task 答えの最初の文は質問にいちばん合う文()
    {
        var answer = await Ask("家から仕事をするときに気をつけることは？");

        var first = answer.Answer.Split('\n').First(l => l.StartsWith('・'));
        Assert.Contains("テレワーク", first);
    }
}
