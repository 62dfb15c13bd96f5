using Mamori.Knowledge.Answering;
using Mamori.Knowledge.Embeddings;
using Mamori.Knowledge.Tests.Answering;

namespace Mamori.Knowledge.Tests.Embeddings;

/// <summary>The embedding client stack (Azure.AI.OpenAI / OpenAI → Microsoft.Extensions.AI) against a loopback server.</summary>
public sealed class EmbeddingGeneratorTests : IAsyncLifetime
{
    private static readonly string[] Texts =
        ["パスワードは12文字以上", "多要素認証を有効にする", "バックアップは3か所に", "不審なメールは開かない", "OSを最新にする"];

    private LoopbackModelServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackModelServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Azure_OpenAIの埋め込みをバッチに分けて順番どおりに受け取る()
    {
        var generator = EmbeddingGeneratorFactory.Create(
            new AzureOpenAIOptions { Endpoint = _server.BaseUrl, ApiKey = "k", EmbeddingDeployment = "emb-test", EmbeddingDimensions = 24, MaxRetries = 0 },
            new OpenAICompatibleOptions());

        var vectors = await new BatchingEmbedder(generator!, batchSize: 2).EmbedAsync(Texts, CancellationToken.None);

        Assert.Equal(Texts.Length, vectors.Count);
        for (var i = 0; i < Texts.Length; i++)
            Assert.Equal(LoopbackModelServer.VectorFor(Texts[i], 24), vectors[i]);
        var calls = _server.Requests.ToList();
        Assert.Equal(3, calls.Count);   // 2 + 2 + 1
        Assert.All(calls, c => Assert.Equal("/openai/deployments/emb-test/embeddings", c.Path));
        Assert.All(calls, c => Assert.Contains("\"dimensions\":24", c.Body));
    }

    [Fact]
    public async Task OpenAI互換の埋め込みも使える()
    {
        var generator = EmbeddingGeneratorFactory.Create(
            new AzureOpenAIOptions(),
            new OpenAICompatibleOptions { Endpoint = _server.BaseUrl + "/v1", EmbeddingModel = "text-embedding-3-large", EmbeddingDimensions = 8, MaxRetries = 0 });

        var vector = await new BatchingEmbedder(generator!).EmbedAsync("ランサムウェア", CancellationToken.None);

        Assert.Equal(LoopbackModelServer.VectorFor("ランサムウェア", 8), vector);
        Assert.Equal("/v1/embeddings", Assert.Single(_server.Requests).Path);
    }

    [Fact]
    public void 設定がなければ埋め込みは使わない()
    {
        Assert.Null(EmbeddingGeneratorFactory.Create(new AzureOpenAIOptions(), new OpenAICompatibleOptions()));
        Assert.Null(EmbeddingGeneratorFactory.Create(
            new AzureOpenAIOptions { Endpoint = "https://example.openai.azure.com/", ApiKey = "k", ChatDeployment = "chat" }, new OpenAICompatibleOptions()));
    }
}
