using System.CommandLine;
using System.Text.Json;
using Mamori.Knowledge;
using Mamori.Knowledge.Analysis;
using Mamori.Cli.Baseline;
using Mamori.Cli.Evaluation;
using Mamori.Knowledge.Index;

namespace Mamori.Cli.Commands;

/// <summary>
/// `mamori eval [--set FILE|DIR|GLOB] [--variants] [--json]`: retrieval quality on the gold questions, for the embedded
/// lexical pipeline and the Lucene.Net CJK/BM25 baseline side by side: recall@5, MRR@10, refusal rates, failures.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var set = new Option<string?>("--set") { Description = "評価用の質問ファイル（.json）、フォルダ、またはワイルドカード。省略時は knowledge/eval" };
        var variants = new Option<bool>("--variants") { Description = "解析方法の候補（bigram/unigram/カタカナ語など）も比較する" };
        var calibrate = new Option<bool>("--calibrate") { Description = "回答拒否のしきい値を評価セットで探索し、候補を表示する" };
        var json = new Option<bool>("--json") { Description = "結果を JSON で出力する" };
        var replies = new Option<string?>("--replies") { Description = "診断の返事の読み取りを評価する（ファイルかフォルダ。値なしで knowledge/eval/replies）", Arity = ArgumentArity.ZeroOrOne };
        var requests = new Option<string?>("--requests") { Description = "診断の外での依頼の読み取りを評価する（値なしで knowledge/eval/requests）", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("eval", "検索の品質（recall@5・MRR@10・回答拒否率）や、返事・依頼の読み取りを評価する") { set, variants, calibrate, json, replies, requests };
        command.SetAction((parse, ct) =>
        {
            var readingSets = (Replies: Given(parse, replies, "replies"), Requests: Given(parse, requests, "requests"));
            return readingSets is (null, null)
                ? RunAsync(parse.GetValue(set), parse.GetValue(variants), parse.GetValue(calibrate), parse.GetValue(json), ct)
                : Task.FromResult(ReadingEvalCommand.Run(readingSets.Replies, readingSets.Requests, parse.GetValue(json), Console.Out, Console.Error));
        });
        return command;
    }

    // 「--replies」 alone means the repository's own set (both halves, each reported on its own).
    private static string? Given(ParseResult parse, Option<string?> option, string folder) =>
        parse.GetResult(option) is null ? null : parse.GetValue(option) ?? Path.Combine(CliContent.Root.Eval, folder);

    private static async Task<int> RunAsync(string? setPattern, bool withVariants, bool calibrate, bool json, CancellationToken cancellationToken)
    {
        if (!CliContent.TryGet(out var content))
            return 2;
        EvalSet set;
        KnowledgeRetriever retriever;
        SynonymDictionary synonyms;
        try
        {
            set = EvalSet.Load(setPattern ?? content.Eval);
            retriever = KnowledgeRetriever.CreateEmbedded(content);
            synonyms = SynonymDictionary.LoadOrEmpty(content.Synonyms);
        }
        catch (KnowledgeFormatException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        var reports = new List<EvalReport>
        {
            await EvalRunner.RunAsync("embedded lexical (BM25, ja analyzer)", set, EvalSystems.Answering(retriever, content), cancellationToken),
        };
        using (var lucene = new LuceneBaseline(EvalSystems.Chunks(retriever)))
            reports.Add(await EvalRunner.RunAsync("Lucene.Net CJKAnalyzer + BM25 (baseline)", set, EvalSystems.Lucene(lucene), cancellationToken));

        var variantReports = new List<EvalReport>();
        if (withVariants)
        {
            foreach (var variant in EvalSystems.Variants(RetrievalOptions.Default))
            {
                var variantRetriever = EvalSystems.BuildRetriever(content, variant, synonyms);
                variantReports.Add(await EvalRunner.RunAsync(variant.Name, set, EvalSystems.Embedded(variantRetriever), cancellationToken));
            }
        }

        var unknownDocs = set.Questions.SelectMany(q => q.Relevant).Distinct()
            .Where(id => retriever.Index.IndexedChunks.All(c => c.Chunk.DocId != id)).Order(StringComparer.Ordinal).ToList();
        if (calibrate)
            EvalOutput.WriteCalibration(json ? Console.Error : Console.Out, reports[0]);
        if (json)
            Console.Out.WriteLine(JsonSerializer.Serialize(EvalOutput.ToJson(set, reports, variantReports, unknownDocs), IngestCommand.Json));
        else
            EvalOutput.WriteText(Console.Out, set, reports, variantReports, unknownDocs);
        return 0;
    }
}
