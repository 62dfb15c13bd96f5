using Mamori.Core;

namespace Mamori.Core.Tests;

public sealed class KnowledgeFolderTests
{
    [Fact]
    public void A_relative_data_path_lands_beside_knowledge_whatever_the_current_folder()
    {
        var knowledge = new KnowledgeFolder(Path.Combine(Path.GetTempPath(), "repo", "knowledge"));

        Assert.Equal(Path.Combine(Path.GetTempPath(), "repo", "data", "mamori-state.db"), knowledge.Resolve("data/mamori-state.db"));
    }

    [Fact]
    public void An_absolute_data_path_is_kept()
    {
        var knowledge = new KnowledgeFolder(Path.Combine(Path.GetTempPath(), "repo", "knowledge"));
        var elsewhere = Path.Combine(Path.GetTempPath(), "elsewhere", "state.db");

        Assert.Equal(elsewhere, knowledge.Resolve(elsewhere));
    }
}
