using Mamori.Core.Answering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Knowledge.Tests.Live;

/// <summary>
/// The production answer path (AddMamoriKnowledge with Azure OpenAI) against a real deployment: a grounded Japanese
/// answer with checked citations, and a refusal for what the guidelines don't cover. Skipped without a live model.
/// </summary>
public sealed class LiveModelAnswerTests
{
    private static IQuestionAnswerer Answerer()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Knowledge:DataPath"] = Path.Combine(Path.GetTempPath(), "mamori-live", Guid.NewGuid().ToString("n")),
            ["Knowledge:AzureOpenAI:Endpoint"] = Environment.GetEnvironmentVariable(LiveModelFactAttribute.Endpoint),
            ["Knowledge:AzureOpenAI:ApiKey"] = Environment.GetEnvironmentVariable(LiveModelFactAttribute.ApiKey),
            ["Knowledge:AzureOpenAI:ChatDeployment"] = Environment.GetEnvironmentVariable(LiveModelFactAttribute.ChatDeployment),
            ["Knowledge:AzureOpenAI:EmbeddingDeployment"] = Environment.GetEnvironmentVariable(LiveModelFactAttribute.EmbeddingDeployment),
        };
        return new ServiceCollection()
            .AddLogging()
            .AddMamoriKnowledge(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider()
            .GetRequiredService<IQuestionAnswerer>();
    }

    [LiveModelFact]
    public async Task 振込先変更のメールにはモデルが出典つきで答える()
    {
        var answer = await Answerer().AnswerAsync(new QuestionRequest("取引先から振込先口座の変更依頼メールが来た", []), CancellationToken.None);

        Assert.Equal("llm", answer.Mode);
        Assert.True(answer.Grounded, answer.Answer);
        Assert.Contains("[1]", answer.Answer);
        Assert.Contains(answer.Citations, c => c.DocId.StartsWith("bec", StringComparison.Ordinal));
    }

    [LiveModelFact]
    public async Task 天気の質問はモデルがあってもお断りする()
    {
        var answer = await Answerer().AnswerAsync(new QuestionRequest("明日の天気は？", []), CancellationToken.None);

        Assert.False(answer.Grounded);
        Assert.Contains("担当者と話したい", answer.Answer);
        Assert.Empty(answer.Citations);
    }
}
