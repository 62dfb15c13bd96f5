using System.CommandLine;
using System.Text.Json;
using Mamori.Core;
using Mamori.Knowledge;
using Mamori.Knowledge.Index;

namespace Mamori.Cli.Commands;

/// <summary>
/// `mamori search "&lt;question&gt;" [--top K] [--json]`: the embedded lexical retriever on its own.
/// JSON (design.md CLI contract): {"query","hits":[{"docId","chunkId","title","score","text"}]}.
/// </summary>
internal static class SearchCommand
{
    private const int MaxTop = 50;

    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "探したい内容（日本語の質問）" };
        // Read as text and checked here, so a bad value exits with 2 (bad input) like every other input error.
        var top = new Option<string>("--top") { Description = $"返す件数（1〜{MaxTop}）", DefaultValueFactory = _ => "5" };
        var json = new Option<bool>("--json") { Description = "結果を JSON で出力する" };
        var command = new Command("search", "ガイドライン文書から質問に関係する箇所を探す") { question, top, json };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(question) ?? string.Empty, parse.GetValue(top), parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(string question, string? topText, bool json, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            Console.Error.WriteLine("search: the question is empty. Example: mamori search \"二段階認証の設定方法\" --json");
            return 2;
        }
        if (!int.TryParse(topText, out int top) || top is < 1 or > MaxTop)
        {
            Console.Error.WriteLine($"search: --top must be a whole number between 1 and {MaxTop} (got '{topText}').");
            return 2;
        }
        if (!CliContent.TryGet(out var content))
            return 2;
        KnowledgeRetriever retriever;
        try
        {
            retriever = KnowledgeRetriever.CreateEmbedded(content);
        }
        catch (KnowledgeFormatException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
        var result = await retriever.RetrieveAsync(new RetrievalRequest(question, top), cancellationToken);
        if (json)
        {
            var output = new
            {
                query = question,
                hits = result.Hits.Select(h => new
                {
                    docId = h.Chunk.DocId,
                    chunkId = h.Chunk.ChunkId,
                    title = h.Chunk.Title,
                    score = Math.Round(h.Score, 4),
                    text = h.Chunk.Text,
                }),
            };
            Console.Out.WriteLine(JsonSerializer.Serialize(output, IngestCommand.Json));
            return 0;
        }
        Console.Out.WriteLine($"{question}  ({(result.Verdict.Answerable ? "根拠あり" : "根拠不足")}: {result.Verdict.Reason})");
        foreach (var (hit, rank) in result.Hits.Select((h, i) => (h, i + 1)))
        {
            Console.Out.WriteLine($"{rank}. [{hit.Score:0.000}] {hit.Chunk.ChunkId}  {hit.Chunk.Title} › {hit.Chunk.Section}");
            Console.Out.WriteLine($"   {Snippet(hit.Chunk.Text)}");
        }
        return 0;
    }

    private static string Snippet(string text)
    {
        string flat = text.ReplaceLineEndings(" ");
        return flat.Length <= 80 ? flat : flat[..80] + "…";
    }
}
