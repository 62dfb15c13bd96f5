using System.ComponentModel;
using Mamori.Knowledge.Index;
using Microsoft.SemanticKernel;

namespace Mamori.Knowledge.Answering;

/// <summary>
/// Retrieval exposed to Semantic Kernel as a plain plugin (SK's own text-search types are experimental or obsolete in
/// 1.82). The answerer calls it through the kernel, so SK filters and telemetry see every search.
/// </summary>
public sealed class KnowledgeSearchPlugin(Func<CancellationToken, Task<KnowledgeRetriever>> retriever)
{
    public KnowledgeSearchPlugin(KnowledgeRetriever retriever) : this(_ => Task.FromResult(retriever))
    {
    }

    public KnowledgeSearchPlugin(KnowledgeBase knowledge) : this(knowledge.GetRetrieverAsync)
    {
    }

    public const string PluginName = "knowledge";
    public const string SearchFunction = "search";

    [KernelFunction(SearchFunction)]
    [Description("Searches the indexed Japanese security guidelines and returns the best passages with the evidence verdict.")]
    public async Task<RetrievalResult> SearchAsync(
        [Description("The question, self-contained (follow-ups already rewritten)")] string query,
        [Description("Passages wanted")] int limit,
        [Description("Prefecture code of the company, if known")] string? region = null,
        [Description("Tenant (chamber) id, if known")] string? tenant = null,
        [Description("Only passages of this document id (the user chose its topic)")] string? document = null,
        CancellationToken cancellationToken = default)
    {
        var ready = await retriever(cancellationToken);
        return await ready.RetrieveAsync(new RetrievalRequest(query, limit, region, tenant, document), cancellationToken);
    }
}
