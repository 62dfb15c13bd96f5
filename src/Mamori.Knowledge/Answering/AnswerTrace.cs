using Mamori.Core.Answering;
using Mamori.Knowledge.Documents;
using Mamori.Knowledge.Index;

namespace Mamori.Knowledge.Answering;

/// <summary>An answer with what led to it, for `mamori eval` and tests (channels only see <see cref="Answer"/>).</summary>
/// <param name="Retrieval">The search behind it; null when there was none (empty question, store failure).</param>
/// <param name="Quoted">The passages the answer quotes or cites; empty for a refusal or a choice of topics.</param>
public sealed record AnswerTrace(KnowledgeAnswer Answer, RetrievalResult? Retrieval, IReadOnlyList<KnowledgeChunk> Quoted);
