using Mamori.Core.Messages;
using Mamori.Knowledge.Documents;

namespace Mamori.Knowledge.Answering;

/// <summary>
/// Numbers cited documents [1], [2], … in order of first use. Several passages of one document share its number,
/// and <see cref="Citations"/>[n − 1] is always the document behind mark [n] (BotReply's contract).
/// </summary>
internal sealed class CitationList
{
    private readonly List<KnowledgeChunk> _documents = [];

    public int NumberOf(KnowledgeChunk chunk)
    {
        var index = _documents.FindIndex(d => d.DocId == chunk.DocId);
        if (index >= 0)
            return index + 1;
        _documents.Add(chunk);
        return _documents.Count;
    }

    public int Count => _documents.Count;

    public IReadOnlyList<Citation> Citations => [.. _documents.Select(d => new Citation(d.DocId, d.Title, d.Url))];
}
