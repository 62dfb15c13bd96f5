using System.Security.Cryptography;
using System.Text;

namespace Mamori.Knowledge.Documents;

/// <summary>
/// A passage of a document: the unit that is indexed, retrieved, quoted and cited. Immutable and the same in both stores
/// (embedded and Qdrant payload).
/// </summary>
/// <param name="ChunkId">Stable across builds while the document id and section order stay: "&lt;docId&gt;#&lt;section&gt;-&lt;part&gt;", e.g. "bec#02-1".</param>
/// <param name="Section">The `##` heading the passage came from (empty for a lead paragraph).</param>
/// <param name="Text">The passage as the user may see it quoted (Markdown, no heading line).</param>
/// <param name="Tenant">"shared" for knowledge/docs (every tenant sees it); a tenant id for a chamber's own documents.</param>
public sealed record KnowledgeChunk(
    string ChunkId,
    string DocId,
    string Title,
    string Section,
    string Text,
    string Region,
    string Url,
    string Publisher,
    string Tenant = KnowledgeChunk.SharedTenant)
{
    public const string SharedTenant = "shared";

    /// <summary>
    /// The passage with its document title and section heading, so a passage about 「すぐにやること」 still matches
    /// 「ランサムウェア」 from its title. Embedded for the dense vector and indexed by the Lucene baseline; the BM25 side
    /// counts title and heading twice (KnowledgeIndex.AnalyzeChunk).
    /// </summary>
    public string IndexedText => Section.Length == 0 ? $"{Title}\n{Text}" : $"{Title}\n{Section}\n{Text}";

    /// <summary>
    /// A deterministic UUID for stores that need one (Qdrant point ids): the first 16 bytes of SHA-256 of the chunk id,
    /// stamped as a version-8 (custom) UUID so it is valid. Same chunk id, same point id, in every process.
    /// </summary>
    public Guid PointId
    {
        get
        {
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(Encoding.UTF8.GetBytes(ChunkId), hash);
            hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
            hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
            return new Guid(hash[..16], bigEndian: true);
        }
    }
}
