using System.CommandLine;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using Mamori.Knowledge;
using Mamori.Knowledge.Index;

namespace Mamori.Cli.Commands;

/// <summary>`mamori ingest [--force] [--json]`: loads knowledge/docs, chunks, analyzes, and writes data/knowledge-index.bin.</summary>
internal static class IngestCommand
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,   // Japanese stays readable in the output
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static Command Create()
    {
        var force = new Option<bool>("--force") { Description = "キャッシュが新しくても作り直す" };
        var json = new Option<bool>("--json") { Description = "結果を JSON で出力する" };
        var command = new Command("ingest", "knowledge/docs の文書から検索用の索引（data/knowledge-index.bin）を作る") { force, json };
        command.SetAction(parse => Run(parse.GetValue(force), parse.GetValue(json)));
        return command;
    }

    private static int Run(bool force, bool json)
    {
        if (!CliContent.TryGet(out var content))
            return 2;
        var dataDirectory = content.Data;
        try
        {
            if (force)
                File.Delete(Path.Combine(dataDirectory, KnowledgeIndexLoader.FileName));
            var watch = Stopwatch.StartNew();
            var index = KnowledgeIndexLoader.LoadOrBuild(content, dataDirectory);
            watch.Stop();
            var summary = new
            {
                documents = index.DocumentCount,
                passages = index.IndexedChunks.Count,
                terms = index.Statistics.TermCount,
                averageLength = Math.Round(index.Statistics.AverageLength, 1),
                contentHash = index.ContentHash,
                analyzer = index.AnalyzerVersion,
                path = Path.Combine(dataDirectory, KnowledgeIndexLoader.FileName),
                milliseconds = watch.ElapsedMilliseconds,
            };
            Console.Out.WriteLine(json
                ? JsonSerializer.Serialize(summary, Json)
                : $"{summary.documents} documents, {summary.passages} passages, {summary.terms} terms → {summary.path} ({summary.milliseconds} ms)");
            return 0;
        }
        catch (KnowledgeFormatException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
    }
}
