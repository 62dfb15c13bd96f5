using Mamori.Knowledge.Index;

namespace Mamori.Knowledge.Tests.Index;

public sealed class RetrievalOptionsTests
{
    [Fact]
    public void Defaults_are_usable() => Assert.Empty(RetrievalOptions.Default.Problems());

    [Fact]
    public void A_bad_setting_stops_the_retriever_and_names_the_key()
    {
        var options = RetrievalOptions.Default with { Limit = 0, Gate = RetrievalOptions.Default.Gate with { MinCoverage = 3 } };
        var index = KnowledgeFixture.Retriever.Index;
        var error = Assert.Throws<ArgumentException>(() =>
            new KnowledgeRetriever(EmbeddedChunkStore.From(index), index, Mamori.Knowledge.Analysis.SynonymDictionary.Empty, options));
        Assert.Contains("Knowledge:Retrieval:Limit", error.Message);
        Assert.Contains("Knowledge:Retrieval:Gate:MinCoverage", error.Message);
    }
}
