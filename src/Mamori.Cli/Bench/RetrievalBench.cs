using System.Diagnostics;
using Mamori.Core;
using Mamori.Knowledge.Documents;
using Mamori.Cli.Baseline;
using Mamori.Cli.Evaluation;
using Mamori.Knowledge.Analysis;
using Mamori.Knowledge.Index;

namespace Mamori.Cli.Bench;

/// <summary>
/// Speed of the embedded retrieval, measured in one process against two baselines: index build time for the real
/// knowledge/, query latency (p50/p99) of the inverted index against a linear scan of every passage and against
/// Lucene.Net 4.8 BM25 (CJKAnalyzer) over the same passages with the same questions, then synthetic corpora (10k, 100k
/// passages of real sentences) to show how build time, memory and latency grow. Both engines are timed from the question
/// text (analysis + search, top 5), interleaved question by question so machine noise hits both alike. Queries are the
/// real gold questions of knowledge/eval. Entry: <see cref="Run"/>; the `bench` command prints the result.
/// </summary>
public static class RetrievalBench
{
    public static RetrievalBenchResult Run(ContentRoot content, RetrievalBenchOptions? options = null, TextWriter? progress = null)
    {
        options ??= new RetrievalBenchOptions();
        progress ??= TextWriter.Null;

        // Cold build first (includes JIT), then warm builds: what a host start and a re-ingest cost.
        var cold = Stopwatch.StartNew();
        var index = KnowledgeIndexLoader.Build(content);
        double coldMs = cold.Elapsed.TotalMilliseconds;
        var warm = new List<double>();
        for (int i = 0; i < options.BuildRepeats; i++)
        {
            var watch = Stopwatch.StartNew();
            index = KnowledgeIndexLoader.Build(content);
            warm.Add(watch.Elapsed.TotalMilliseconds);
        }
        progress.WriteLine($"real corpus: {index.IndexedChunks.Count} passages, build cold {coldMs:0} ms, warm median {Percentile(warm, 50):0.0} ms");

        var synonyms = SynonymDictionary.LoadOrEmpty(content.Synonyms);
        var retriever = new KnowledgeRetriever(EmbeddedChunkStore.From(index), index, synonyms, RetrievalOptions.Default);
        var questions = Questions(content);
        var vectors = questions.Select(q => retriever.Analyze(q).ToSparseVector()).ToList();
        var store = EmbeddedChunkStore.From(index);

        var endToEnd = Time(questions, options.QueryRounds, q => retriever.RetrieveAsync(new RetrievalRequest(q), default).GetAwaiter().GetResult());
        CorpusBench real;
        using (var lucene = new LuceneBaseline([.. index.IndexedChunks.Select(c => c.Chunk)]))
            real = MeasureStore("real knowledge/", index.IndexedChunks.Count, Percentile(warm, 50), null, store, retriever, lucene, questions, vectors,
                options.QueryRounds, options.QueryRounds, scanQueries: int.MaxValue);
        progress.WriteLine(real.ToString());

        var synthetic = new List<CorpusBench>();
        var analyzer = new JapaneseAnalyzer(AnalyzerOptions.Default);
        foreach (int size in options.SyntheticSizes)
        {
            var chunks = SyntheticCorpus.Generate(index, size, options.Seed);
            long before = ManagedBytes();
            var watch = Stopwatch.StartNew();
            var bigIndex = KnowledgeIndex.Build(chunks, analyzer, Bm25Parameters.Default, $"synthetic-{size}");
            var big = EmbeddedChunkStore.From(bigIndex);
            double buildMs = watch.Elapsed.TotalMilliseconds;
            long memory = ManagedBytes() - before;
            var bigRetriever = new KnowledgeRetriever(big, bigIndex, synonyms, RetrievalOptions.Default);
            watch.Restart();
            using var lucene = new LuceneBaseline(chunks);
            double luceneBuildMs = watch.Elapsed.TotalMilliseconds;
            // A linear scan of 100k passages is slow by design: a subset of the questions, once, keeps the bench short;
            // both engines get the same questions, fewer rounds than on the real corpus.
            var result = MeasureStore($"synthetic {size:N0}", size, buildMs, memory, big, bigRetriever, lucene, questions,
                [.. questions.Select(q => bigRetriever.Analyze(q).ToSparseVector())], Math.Max(1, options.QueryRounds / 10), scanRounds: 1,
                scanQueries: options.ScanQuestions) with { LuceneBuildMs = luceneBuildMs };
            progress.WriteLine(result.ToString());
            synthetic.Add(result);
            chunks = null;
            big = null;
            GC.Collect();
        }

        return new RetrievalBenchResult(coldMs, Percentile(warm, 50), Percentile(endToEnd, 50), Percentile(endToEnd, 99), real, synthetic, questions.Count,
            Environment.ProcessorCount, LoadAverage());
    }

    private static CorpusBench MeasureStore(string name, int size, double buildMs, long? memory, EmbeddedChunkStore store, KnowledgeRetriever retriever,
        LuceneBaseline lucene, IReadOnlyList<string> questions, IReadOnlyList<SparseVector> queries, int rounds, int scanRounds, int scanQueries)
    {
        var indexed = Time(queries, rounds, q => store.Query(new ChunkQuery(q, null, ChunkFilter.None, 5, FusionOptions.Default)));
        var scanned = Time([.. queries.Take(scanQueries)], scanRounds, q => store.LinearScan(q, 5));
        // From the question text, both engines: analysis (ours with the synonym expansion) + top-5 search. Interleaved.
        var (ours, theirs) = TimePair(questions, rounds,
            q => store.Query(new ChunkQuery(retriever.Analyze(q).ToSparseVector(), null, ChunkFilter.None, 5, FusionOptions.Default)),
            q => lucene.Search(q, 5));
        return new CorpusBench(name, size, buildMs, memory,
            Percentile(indexed, 50) * 1000, Percentile(indexed, 99) * 1000, Percentile(scanned, 50) * 1000, Percentile(scanned, 99) * 1000)
        {
            TextP50Us = Percentile(ours, 50) * 1000,
            TextP99Us = Percentile(ours, 99) * 1000,
            LuceneP50Us = Percentile(theirs, 50) * 1000,
            LuceneP99Us = Percentile(theirs, 99) * 1000,
        };
    }

    /// <summary>Milliseconds per call of two actions on the same inputs, alternating which runs first, after one warm-up pass.</summary>
    private static (List<double> A, List<double> B) TimePair<T>(IReadOnlyList<T> inputs, int rounds, Action<T> a, Action<T> b)
    {
        foreach (var input in inputs)
        {
            a(input);
            b(input);
        }
        var sa = new List<double>(inputs.Count * rounds);
        var sb = new List<double>(inputs.Count * rounds);
        for (int r = 0; r < rounds; r++)
        {
            for (int i = 0; i < inputs.Count; i++)
            {
                bool aFirst = (i + r) % 2 == 0;
                if (aFirst)
                    sa.Add(Once(a, inputs[i]));
                sb.Add(Once(b, inputs[i]));
                if (!aFirst)
                    sa.Add(Once(a, inputs[i]));
            }
        }
        return (sa, sb);
    }

    private static double Once<T>(Action<T> action, T input)
    {
        long start = Stopwatch.GetTimestamp();
        action(input);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>Milliseconds per call, after one untimed warm-up pass.</summary>
    private static List<double> Time<T>(IReadOnlyList<T> inputs, int rounds, Action<T> action)
    {
        foreach (var input in inputs)
            action(input);
        var samples = new List<double>(inputs.Count * rounds);
        for (int r = 0; r < rounds; r++)
        {
            foreach (var input in inputs)
            {
                long start = Stopwatch.GetTimestamp();
                action(input);
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        return samples;
    }

    private static double Percentile(List<double> samples, double p)
    {
        if (samples.Count == 0)
            return 0;
        var sorted = samples.Order().ToList();
        int at = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(at, 0, sorted.Count - 1)];
    }

    private static IReadOnlyList<string> Questions(ContentRoot content)
    {
        string eval = content.Eval;
        var set = EvalSet.Resolve(eval).Count > 0 ? EvalSet.Load(eval).Questions.Select(q => q.Question).ToList() : [];
        return set.Count > 0 ? set : ["取引先を名乗るメールの添付ファイルは開いてもいい？", "パスワードは何文字以上が安全？", "ランサムウェアに感染したら"];
    }

    /// <summary>The 1-minute load average where the OS reports it: latency on a shared, busy machine is not latency on an idle one.</summary>
    private static double? LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg")
                ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)
                : null;
        }
        catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long ManagedBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

public sealed record RetrievalBenchOptions
{
    public int BuildRepeats { get; init; } = 5;
    public int QueryRounds { get; init; } = 20;
    public IReadOnlyList<int> SyntheticSizes { get; init; } = [10_000, 100_000];
    public int Seed { get; init; } = 20261129;

    /// <summary>How many questions the linear-scan baseline runs on the synthetic corpora (it takes ~0.1–0.5 s each at 100k).</summary>
    public int ScanQuestions { get; init; } = 20;
}

/// <param name="BuildColdMs">First build in the process (loads Markdown, chunks, analyzes, encodes; includes JIT).</param>
/// <param name="BuildWarmMs">Median of later builds.</param>
/// <param name="EndToEndP50Ms">Question text → analysis + synonym expansion + store query + evidence gate, p50.</param>
public sealed record RetrievalBenchResult(
    double BuildColdMs,
    double BuildWarmMs,
    double EndToEndP50Ms,
    double EndToEndP99Ms,
    CorpusBench Real,
    IReadOnlyList<CorpusBench> Synthetic,
    int Questions,
    int Processors,
    double? LoadAverage);

/// <summary>
/// One corpus: build time, managed memory of passages + vectors + postings, latency of the inverted index vs a linear
/// scan (from a sparse vector, µs), and from the question text our analysis + index vs Lucene.Net's (µs, same questions).
/// </summary>
public sealed record CorpusBench(
    string Name,
    int Passages,
    double BuildMs,
    long? MemoryBytes,
    double QueryP50Us,
    double QueryP99Us,
    double ScanP50Us,
    double ScanP99Us)
{
    public double SpeedupP50 => QueryP50Us == 0 ? 0 : ScanP50Us / QueryP50Us;

    /// <summary>Ours from the question text: analysis, synonym expansion, top-5 query.</summary>
    public double TextP50Us { get; init; }

    public double TextP99Us { get; init; }

    /// <summary>Lucene.Net 4.8 from the question text: CJKAnalyzer, BM25 top-5 over the same passages.</summary>
    public double LuceneP50Us { get; init; }

    public double LuceneP99Us { get; init; }

    /// <summary>Lucene.Net's index build (synthetic corpora; the real one is built in a few ms by either).</summary>
    public double? LuceneBuildMs { get; init; }

    /// <summary>Lucene.Net latency / ours, from the question text: above 1 means ours is faster.</summary>
    public double LuceneRatioP50 => TextP50Us == 0 ? 0 : LuceneP50Us / TextP50Us;

    public double LuceneRatioP99 => TextP99Us == 0 ? 0 : LuceneP99Us / TextP99Us;

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Name}: {Passages:N0} passages, build {BuildMs:0.0} ms{(MemoryBytes is { } m ? $", {m / 1048576.0:0.0} MiB" : "")}" +
        $"{(LuceneBuildMs is { } l ? $" (Lucene.Net {l:0} ms)" : "")}; " +
        $"query p50 {QueryP50Us:0.0} µs p99 {QueryP99Us:0.0} µs; linear scan p50 {ScanP50Us:0.0} µs p99 {ScanP99Us:0.0} µs (×{SpeedupP50:0.0}); " +
        $"from the text: ours p50 {TextP50Us:0.0} µs p99 {TextP99Us:0.0} µs, Lucene.Net BM25 p50 {LuceneP50Us:0.0} µs p99 {LuceneP99Us:0.0} µs " +
        $"(Lucene/ours p50 ×{LuceneRatioP50:0.0}, p99 ×{LuceneRatioP99:0.0})");
}
