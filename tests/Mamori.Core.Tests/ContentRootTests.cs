namespace Mamori.Core.Tests;

public sealed class ContentRootTests
{
    private static readonly string Repo = Path.Combine(Path.GetTempPath(), "repo");

    [Fact]
    public void A_relative_data_path_lands_in_the_content_root_whatever_the_current_folder()
    {
        var content = new ContentRoot(Repo);

        Assert.Equal(Path.Combine(Repo, "data", "mamori-state.db"), content.Resolve("data/mamori-state.db"));
    }

    [Fact]
    public void An_absolute_data_path_is_kept()
    {
        var elsewhere = Path.Combine(Path.GetTempPath(), "elsewhere", "state.db");

        Assert.Equal(elsewhere, new ContentRoot(Repo).Resolve(elsewhere));
    }

    [Fact]
    public void Knowledge_prompts_and_data_sit_side_by_side()
    {
        var content = new ContentRoot(Repo);

        Assert.Equal(Path.Combine(Repo, "knowledge", "diagnosis"), content.Diagnosis);
        Assert.Equal(Path.Combine(Repo, "prompts", "dialog"), content.DialogPrompts);
        Assert.Equal(Path.Combine(Repo, "data"), content.Data);
    }

    [Fact]
    public void Found_upwards_from_a_folder_inside_the_repository()
    {
        var found = ContentRoot.Locate(startDirectory: AppContext.BaseDirectory);

        Assert.True(File.Exists(Path.Combine(found.Diagnosis, "questions.yaml")));
        Assert.True(Directory.Exists(found.DialogPrompts));
    }

    [Fact]
    public void A_configured_folder_without_knowledge_fails_naming_the_setting()
    {
        var empty = Directory.CreateTempSubdirectory("mamori-content-root").FullName;

        var error = Assert.Throws<DirectoryNotFoundException>(() => ContentRoot.Locate(empty));

        Assert.Contains(ContentRoot.Setting, error.Message);
        Assert.Contains(empty, error.Message);
    }
}
