using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Mamori.Knowledge.Documents;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Mamori.Cli.Baseline;

/// <summary>
/// The comparison point for `mamori eval`: Lucene.Net 4.8 with its stock CJKAnalyzer (width fold, lower case, CJK bigrams)
/// and BM25Similarity on both writer and searcher, over the same passages and the same indexed text (title + section + text).
/// The query is a flat SHOULD of the analyzer's tokens, like the classic QueryParser without phrase generation.
/// </summary>
public sealed class LuceneBaseline : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string IdField = "id";
    private const string TextField = "text";

    private readonly Analyzer _analyzer = new CJKAnalyzer(Version);
    private readonly LuceneDirectory _directory = new RAMDirectory();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly Dictionary<string, KnowledgeChunk> _chunks;

    public LuceneBaseline(IReadOnlyList<KnowledgeChunk> chunks)
    {
        _chunks = chunks.ToDictionary(c => c.ChunkId, StringComparer.Ordinal);
        var config = new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity() };
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var chunk in chunks)
            {
                writer.AddDocument(new Document
                {
                    new StringField(IdField, chunk.ChunkId, Field.Store.YES),
                    new TextField(TextField, chunk.IndexedText, Field.Store.NO),
                });
            }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public IReadOnlyList<(KnowledgeChunk Chunk, double Score)> Search(string query, int limit)
    {
        var tokens = Tokens(query);
        if (tokens.Count == 0)
            return [];
        var boolean = new BooleanQuery();
        foreach (var token in tokens.Distinct(StringComparer.Ordinal))
            boolean.Add(new TermQuery(new Term(TextField, token)), Occur.SHOULD);
        var top = _searcher.Search(boolean, limit);
        return [.. top.ScoreDocs.Select(d => (_chunks[_searcher.Doc(d.Doc).Get(IdField)], (double)d.Score))];
    }

    public List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        using var stream = _analyzer.GetTokenStream(TextField, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            tokens.Add(term.ToString());
        stream.End();
        return tokens;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
