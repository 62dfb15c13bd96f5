using Mamori.Core;
using Mamori.Core.Answering;
using Mamori.Knowledge.Analysis;
using Mamori.Knowledge.Answering;
using Mamori.Cli.Baseline;
using Mamori.Knowledge.Documents;
using Mamori.Knowledge.Index;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mamori.Cli.Evaluation;

/// <summary>The systems `mamori eval` compares on the same passages: our embedded lexical pipeline (in named variants) and Lucene.</summary>
public static class EvalSystems
{
    /// <summary>Lexical variants tried while tuning; "default" is what ships. Kept so the comparison can be re-run.</summary>
    public static IReadOnlyList<LexicalVariant> Variants(RetrievalOptions baseOptions)
    {
        var d = IndexBuildSettings.Default;
        var noFiller = baseOptions with { Query = baseOptions.Query with { StripQuestionFiller = false } };
        return
        [
            new("default", d, baseOptions),
            new("bigrams only (CJKAnalyzer-like), no dictionary", d with { Analyzer = new AnalyzerOptions { Unigrams = false, KatakanaWords = false } }, baseOptions, Synonyms: false),
            new("bigrams+unigrams, no dictionary", d with { Analyzer = new AnalyzerOptions { KatakanaWords = false } }, baseOptions, Synonyms: false),
            new("bigrams+unigrams+katakana words, no dictionary", d, baseOptions, Synonyms: false),
            new("+hiragana unigrams", d with { Analyzer = d.Analyzer with { HiraganaUnigrams = true } }, baseOptions),
            new("script-bound bigrams", d with { Analyzer = d.Analyzer with { CrossScriptBigrams = false } }, baseOptions),
            new("no unigrams", d with { Analyzer = d.Analyzer with { Unigrams = false } }, baseOptions),
            new("no katakana words", d with { Analyzer = d.Analyzer with { KatakanaWords = false } }, baseOptions),
            new("no question-filler strip", d, noFiller),
            new("headings x1", d with { Indexing = new IndexingOptions { HeadingRepeat = 1 } }, baseOptions),
            new("headings x3", d with { Indexing = new IndexingOptions { HeadingRepeat = 3 } }, baseOptions),
            new("headings x0 (body only)", d with { Indexing = new IndexingOptions { HeadingRepeat = 0 } }, baseOptions),
            new("BM25 k1=0.9 b=0.4 (Anserini)", d with { Bm25 = new Bm25Parameters(0.9, 0.4) }, baseOptions),
            new("BM25 k1=1.5 b=0.75", d with { Bm25 = new Bm25Parameters(1.5, 0.75) }, baseOptions),
            new("BM25 k1=1.2 b=0.5", d with { Bm25 = new Bm25Parameters(1.2, 0.5) }, baseOptions),
            new("synonym weight 0.5", d, baseOptions with { Query = baseOptions.Query with { ExpansionWeight = 0.5f } }),
            new("synonym weight 1.0", d, baseOptions with { Query = baseOptions.Query with { ExpansionWeight = 1f } }),
            new("chunks ~250 chars", d with { Chunking = d.Chunking with { TargetLength = 250 } }, baseOptions),
            new("chunks ~600 chars", d with { Chunking = d.Chunking with { TargetLength = 600 } }, baseOptions),
        ];
    }

    public static Func<string, CancellationToken, Task<SystemAnswer>> Embedded(KnowledgeRetriever retriever) =>
        async (question, ct) =>
        {
            var result = await retriever.RetrieveAsync(new RetrievalRequest(question, EvalRunner.MrrDepth), ct);
            return new SystemAnswer([.. result.Hits.Select(h => h.Chunk.DocId)], result.Verdict);
        };

    /// <summary>
    /// The whole answerer without a model (what ships when none is configured): the ranking from the retriever, and what the
    /// bot then does — answer, offer topics or refuse — with the cited passages checked for the question's key terms.
    /// </summary>
    public static Func<string, CancellationToken, Task<SystemAnswer>> Answering(KnowledgeRetriever retriever, ContentRoot content)
    {
        var kernel = MamoriKernel.Create(new KnowledgeSearchPlugin(retriever), new AzureOpenAIOptions(), new OpenAICompatibleOptions(), NullLoggerFactory.Instance);
        var answerer = new KnowledgeAnswerer(kernel, PromptLibrary.Load(content.Prompts), new AnsweringOptions(), NullLogger<KnowledgeAnswerer>.Instance);
        var rank = Embedded(retriever);
        return async (question, ct) =>
        {
            var ranked = await rank(question, ct);
            var trace = await answerer.ExplainAsync(new QuestionRequest(question, []), ct);
            var answer = trace.Answer;
            var outcome = answer.Grounded ? AnswerOutcome.Answered : answer.Suggestions.Count > 0 ? AnswerOutcome.Suggested : AnswerOutcome.Refused;
            var keys = trace.Retrieval is { } r ? KeyTerms.Of(r.Analyzed, retriever.Index.Statistics) : KeyTerms.None;
            var missing = trace.Quoted
                .Where(p => retriever.Index.Find(p.ChunkId) is { } indexed && !keys.FoundIn(indexed.Sparse))
                .Select(p => p.ChunkId).Distinct().ToList();
            return ranked with
            {
                Verdict = trace.Retrieval?.Verdict ?? ranked.Verdict,
                Reply = new AnswerReply(outcome, [.. answer.Citations.Select(c => c.DocId)], [.. answer.Suggestions.Select(t => t.DocId)],
                    keys.Terms, missing),
            };
        };
    }

    public static Func<string, CancellationToken, Task<SystemAnswer>> Lucene(LuceneBaseline baseline) =>
        (question, _) => Task.FromResult(new SystemAnswer([.. baseline.Search(question, EvalRunner.MrrDepth).Select(h => h.Chunk.DocId)]));

    public static KnowledgeRetriever BuildRetriever(ContentRoot content, LexicalVariant variant, SynonymDictionary synonyms)
    {
        var index = KnowledgeIndexLoader.Build(content, variant.Settings);
        return new KnowledgeRetriever(EmbeddedChunkStore.From(index), index, variant.Synonyms ? synonyms : SynonymDictionary.Empty,
            variant.Options, analyzer: variant.Settings.Analyzer);
    }

    public static IReadOnlyList<KnowledgeChunk> Chunks(KnowledgeRetriever retriever) => [.. retriever.Index.IndexedChunks.Select(c => c.Chunk)];
}

/// <param name="Synonyms">False: the domain dictionary is not applied (to measure what it adds).</param>
public sealed record LexicalVariant(string Name, IndexBuildSettings Settings, RetrievalOptions Options, bool Synonyms = true);
