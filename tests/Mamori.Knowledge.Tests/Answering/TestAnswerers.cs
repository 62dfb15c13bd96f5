using System.Collections.Concurrent;
using Mamori.Knowledge.Analysis;
using Mamori.Knowledge.Answering;
using Mamori.Knowledge.Documents;
using Mamori.Knowledge.Index;
using Microsoft.Extensions.Logging;

namespace Mamori.Knowledge.Tests.Answering;

/// <summary>Real answerers over the real knowledge/ folder or a small fixture, optionally with a loopback model.</summary>
internal static class TestAnswerers
{
    private static readonly Lazy<KnowledgeRetriever> Real = new(() =>
    {
        var data = Path.Combine(Path.GetTempPath(), "mamori-answer-tests", Guid.NewGuid().ToString("n"));
        return KnowledgeRetriever.CreateEmbedded(KnowledgeFixture.Content, data);
    });

    public static KnowledgeRetriever Guidelines => Real.Value;

    public static KnowledgeRetriever Fixture(params KnowledgeChunk[] chunks)
    {
        var index = KnowledgeIndex.Build(chunks, JapaneseAnalyzer.Default, Bm25Parameters.Default, "fixture");
        return new KnowledgeRetriever(EmbeddedChunkStore.From(index), index, SynonymDictionary.Empty, RetrievalOptions.Default);
    }

    public static KnowledgeChunk Chunk(string docId, string title, string section, string text, string region = "national", int part = 1) =>
        new($"{docId}#01-{part}", docId, title, section, text, region, $"https://example.org/{docId}", "テスト");

    public enum Model { None, Azure, OpenAICompatible }

    public static KnowledgeAnswerer Create(KnowledgeRetriever retriever, LoopbackModelServer? server = null,
        Model model = Model.None, LogSink? logs = null)
    {
        var azure = new AzureOpenAIOptions();
        var openAI = new OpenAICompatibleOptions();
        if (model == Model.Azure)
        {
            azure.Endpoint = server!.BaseUrl;
            azure.ApiKey = "test-key";
            azure.ChatDeployment = "chat-test";
            azure.MaxRetries = 0;
        }
        else if (model == Model.OpenAICompatible)
        {
            openAI.Endpoint = server!.BaseUrl + "/v1";
            openAI.ApiKey = "test-key";
            openAI.ChatModel = "gpt-test";
            openAI.MaxRetries = 0;
        }

        var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs ?? new LogSink()).SetMinimumLevel(LogLevel.Debug));
        var kernel = MamoriKernel.Create(new KnowledgeSearchPlugin(retriever), azure, openAI, loggerFactory);
        return new KnowledgeAnswerer(kernel, PromptLibrary.Load(KnowledgeFixture.Content.Prompts), new AnsweringOptions(), loggerFactory.CreateLogger<KnowledgeAnswerer>());
    }
}

/// <summary>Collects log lines so a test can check that a fallback was logged.</summary>
internal sealed class LogSink : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Collector(this);

    public void Dispose()
    {
    }

    private sealed class Collector(LogSink sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
