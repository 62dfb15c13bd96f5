using Mamori.Core.Answering;
using Mamori.Knowledge.Answering;
using static Mamori.Knowledge.Tests.Answering.TestAnswerers;

namespace Mamori.Knowledge.Tests.Answering;

/// <summary>「それはいくら？」 after a question about お助け隊: the conversation gives the follow-up its topic.</summary>
public sealed class FollowUpTests
{
    private static readonly FollowUpRewriter FollowUpRewriter = PromptLibrary.Load(KnowledgeFixture.Content.Prompts).FollowUp;

    private static readonly ConversationLine[] AboutOtasuketai =
    [
        new(ConversationRole.User, "サイバーセキュリティお助け隊サービスって何？"),
        new(ConversationRole.Bot, "中小企業向けに、相談窓口や異常の監視などをまとめて提供するサービスです。[1]"),
    ];

    [Theory]
    [InlineData("それはいくら？", "サイバーセキュリティお助け隊サービスはいくら?")]
    [InlineData("その費用は？", "サイバーセキュリティお助け隊サービスの費用は?")]
    [InlineData("申込方法は？", "サイバーセキュリティお助け隊サービス 申込方法は?")]
    public void 続きの質問に前の質問の話題を補う(string followUp, string expected) =>
        Assert.Equal(expected, FollowUpRewriter.Rewrite(followUp, AboutOtasuketai));

    [Fact]
    public void 話題の変わった完全な質問は書き換えない()
    {
        const string question = "パスワードは何文字以上にすればよいですか？";
        Assert.Equal(question, FollowUpRewriter.Rewrite(question, AboutOtasuketai));
    }

    [Fact]
    public void 会話の最初の質問は書き換えない() =>
        Assert.Equal("それはいくら？", FollowUpRewriter.Rewrite("それはいくら？", []));

    [Fact]
    public async Task それはいくらと聞かれたらお助け隊の資料から答える()
    {
        var answer = await Create(Guidelines).AnswerAsync(new QuestionRequest("それはいくら？", AboutOtasuketai), CancellationToken.None);

        Assert.True(answer.Grounded);
        Assert.Contains(answer.Citations, c => c.DocId.StartsWith("otasuketai", StringComparison.Ordinal));
        Assert.Contains("月額", answer.Answer);   // the price is what the owner asked for
    }

    [Fact]
    public async Task モデルがあれば書き換えもモデルに頼み会話を渡す()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.ReplyWithChat("サイバーセキュリティお助け隊サービスの料金はいくらですか？");
        server.ReplyWithChat("月額の料金は資料のとおりです[1]。");

        var answer = await Create(Guidelines, server, Model.Azure)
            .AnswerAsync(new QuestionRequest("それはいくら？", AboutOtasuketai), CancellationToken.None);

        var requests = server.ChatRequests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Contains("サイバーセキュリティお助け隊サービスって何？", requests[0].MessagesText());
        Assert.Contains("お助け隊サービスの料金", requests[1].MessagesText());
        Assert.Equal("llm", answer.Mode);
        Assert.Contains(answer.Citations, c => c.DocId.StartsWith("otasuketai", StringComparison.Ordinal));
    }
}
