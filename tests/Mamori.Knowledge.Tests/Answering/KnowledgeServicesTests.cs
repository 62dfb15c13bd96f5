using Mamori.Core.Answering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Knowledge.Tests.Answering;

/// <summary>AddMamoriKnowledge wires the answerer the host and the CLI use: embedded and extractive by default, the model when configured.</summary>
public sealed class KnowledgeServicesTests
{
    private static IQuestionAnswerer Answerer(Dictionary<string, string?> settings)
    {
        settings.TryAdd("Knowledge:DataPath", Path.Combine(Path.GetTempPath(), "mamori-answer-di", Guid.NewGuid().ToString("n")));
        return new ServiceCollection()
            .AddLogging()
            .AddMamoriKnowledge(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider()
            .GetRequiredService<IQuestionAnswerer>();
    }

    [Fact]
    public async Task 設定なしでは組み込みの索引から抽出型で答える()
    {
        var answer = await Answerer([]).AnswerAsync(new QuestionRequest("取引先から振込先口座の変更依頼メールが来た", []), CancellationToken.None);

        Assert.True(answer.Grounded);
        Assert.Equal("extractive", answer.Mode);
        Assert.Contains("[1]", answer.Answer);
        Assert.NotEmpty(answer.Citations);
    }

    [Fact]
    public async Task Azure_OpenAIを設定するとモデルが答える()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.ReplyWithChat("メール以外の方法で取引先に確かめてください[1]。");

        var answer = await Answerer(new()
        {
            ["Knowledge:AzureOpenAI:Endpoint"] = server.BaseUrl,
            ["Knowledge:AzureOpenAI:ApiKey"] = "k",
            ["Knowledge:AzureOpenAI:ChatDeployment"] = "gpt-4o-mini",
        }).AnswerAsync(new QuestionRequest("取引先から振込先口座の変更依頼メールが来た", []), CancellationToken.None);

        Assert.Equal("llm", answer.Mode);
        Assert.StartsWith("メール以外の方法で取引先に確かめてください[1]。", answer.Answer);
        Assert.Equal("/openai/deployments/gpt-4o-mini/chat/completions", Assert.Single(server.ChatRequests).Path);
    }

    [Fact]
    public async Task 埋め込みを設定すると組み込みの索引でもハイブリッド検索になり_ベクトルは次の起動で再利用する()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Knowledge:AzureOpenAI:Endpoint"] = server.BaseUrl,
            ["Knowledge:AzureOpenAI:ApiKey"] = "k",
            ["Knowledge:AzureOpenAI:EmbeddingDeployment"] = "emb",
            ["Knowledge:AzureOpenAI:EmbeddingDimensions"] = "32",
            ["Knowledge:AzureOpenAI:MaxRetries"] = "0",
            ["Knowledge:DataPath"] = Path.Combine(Path.GetTempPath(), "mamori-answer-di", Guid.NewGuid().ToString("n")),
        };
        var question = new QuestionRequest("取引先から振込先口座の変更依頼メールが来た", []);

        var first = await Answerer(new(settings)).AnswerAsync(question, CancellationToken.None);
        var firstStart = server.Requests.Count;
        var second = await Answerer(new(settings)).AnswerAsync(question, CancellationToken.None);

        Assert.True(first.Grounded);
        Assert.Equal("extractive", first.Mode);   // embeddings only: answers stay extractive
        Assert.True(firstStart > 2, $"passages and the question should be embedded (got {firstStart} calls)");
        Assert.Equal(firstStart + 1, server.Requests.Count);   // second start: only the question is embedded
        Assert.Equal(first.Answer, second.Answer);
    }
}
