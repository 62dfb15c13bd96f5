using Mamori.Knowledge;
using Mamori.Cli.Evaluation;

namespace Mamori.Cli.Tests.Evaluation;

public sealed class EvalSetTests
{
    private static string Write(string dir, string name, string json)
    {
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void A_folder_or_a_glob_loads_every_part()
    {
        string dir = EvalFixture.TempDirectory();
        Write(dir, "questions-a.json", """{"questions":[{"id":"a1","question":"口座が変わったと言われた","relevant":["bec"]}]}""");
        Write(dir, "questions-b.json", """{"questions":[{"id":"b1","question":"明日の天気は？","relevant":[]}]}""");
        Assert.Equal(2, EvalSet.Load(dir).Questions.Count);
        Assert.Equal(2, EvalSet.Load(Path.Combine(dir, "questions-*.json")).Questions.Count);
        var one = EvalSet.Load(Path.Combine(dir, "questions-b.json"));
        Assert.Single(one.OutOfScope);
    }

    [Fact]
    public void A_repeated_id_names_both_files()
    {
        string dir = EvalFixture.TempDirectory();
        Write(dir, "a.json", """{"questions":[{"id":"x1","question":"q","relevant":[]}]}""");
        Write(dir, "b.json", """{"questions":[{"id":"x1","question":"q","relevant":[]}]}""");
        var error = Assert.Throws<KnowledgeFormatException>(() => EvalSet.Load(dir));
        Assert.Contains("b.json", error.FilePath);
        Assert.Contains("a.json", error.Message);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"items":[]}""")]
    [InlineData("""{"questions":[{"question":"idがない"}]}""")]
    public void Bad_files_are_rejected_with_their_name(string json)
    {
        string path = Write(EvalFixture.TempDirectory(), "bad.json", json);
        Assert.Equal(path, Assert.Throws<KnowledgeFormatException>(() => EvalSet.Load(path)).FilePath);
    }

    [Fact]
    public void No_matching_file_is_bad_input() =>
        Assert.Throws<KnowledgeFormatException>(() => EvalSet.Load(Path.Combine(EvalFixture.TempDirectory(), "nothing-*.json")));
}
