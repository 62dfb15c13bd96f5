using Mamori.Core.Dialogs;
using Mamori.Core.Understanding;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mamori.Core.Tests.Dialogs;

/// <summary>The rows of Specs/understanding.yaml against the real prompts/dialog wording.</summary>
public sealed class UnderstandingSpecTests
{
    private static readonly Lazy<SpecFile> Spec = new(Load);

    public static TheoryData<string, string> Commands()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Spec.Value.Commands)
            data.Add(row.Text, row.Is);
        return data;
    }

    public static TheoryData<string, string> Requests()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Spec.Value.Requests)
            data.Add(row.Text, row.Is);
        return data;
    }

    public static TheoryData<string, string> Mentions()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Spec.Value.Mentions)
            data.Add(row.Text, row.Is);
        return data;
    }

    public static TheoryData<string, bool, bool> Questions()
    {
        var data = new TheoryData<string, bool, bool>();
        foreach (var row in Spec.Value.Questions)
            data.Add(row.Text, row.Question, row.Clear);
        return data;
    }

    public static TheoryData<string, bool> AboutTheQuestion()
    {
        var data = new TheoryData<string, bool>();
        foreach (var row in Spec.Value.AboutTheQuestion)
            data.Add(row.Text, row.Is);
        return data;
    }

    public static TheoryData<string, bool> Unknown()
    {
        var data = new TheoryData<string, bool>();
        foreach (var row in Spec.Value.Unknown)
            data.Add(row.Text, row.Is);
        return data;
    }

    [Theory, MemberData(nameof(Commands))]
    public void Recognises_the_command(string text, string expected) =>
        Assert.Equal(expected, Name(TestBot.Language.Commands.Detect(text)));

    [Theory, MemberData(nameof(Requests))]
    public void Recognises_a_request_in_plain_words(string text, string expected) =>
        Assert.Equal(expected, Name(TestBot.Language.Commands.DetectRequest(text)));

    [Theory, MemberData(nameof(Mentions))]
    public void Sees_the_command_a_message_names(string text, string expected) =>
        Assert.Equal(expected, Name(TestBot.Language.Commands.Mentioned(text).Cast<CommandKind?>().FirstOrDefault()));

    private static string Name(CommandKind? kind) =>
        kind is { } k ? char.ToLowerInvariant(k.ToString()[0]) + k.ToString()[1..] : "none";

    [Theory, MemberData(nameof(Questions))]
    public void Tells_a_question_from_an_answer(string text, bool question, bool clear)
    {
        Assert.Equal(question, TestBot.Language.Questions.IsQuestion(text));
        Assert.Equal(clear, TestBot.Language.Questions.IsClearQuestion(text));
    }

    [Theory, MemberData(nameof(AboutTheQuestion))]
    public void Sees_a_question_about_the_question(string text, bool expected) =>
        Assert.Equal(expected, TestBot.Language.Questions.IsAboutTheQuestion(text));

    [Theory, MemberData(nameof(Unknown))]
    public void Knows_the_ways_to_say_I_dont_know(string text, bool expected) =>
        Assert.Equal(expected, TestBot.Language.Commands.IsUnknown(text));

    private static SpecFile Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "Mamori.Core.Tests", "Dialogs", "Specs", "understanding.yaml");
            if (File.Exists(path))
            {
                return new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
                    .Deserialize<SpecFile>(File.ReadAllText(path));
            }
        }
        throw new FileNotFoundException("tests/Mamori.Core.Tests/Dialogs/Specs/understanding.yaml not found above " + AppContext.BaseDirectory);
    }

    public sealed class SpecFile
    {
        public List<CommandRow> Commands { get; set; } = [];
        public List<CommandRow> Requests { get; set; } = [];
        public List<CommandRow> Mentions { get; set; } = [];
        public List<QuestionRow> Questions { get; set; } = [];
        public List<UnknownRow> AboutTheQuestion { get; set; } = [];
        public List<UnknownRow> Unknown { get; set; } = [];
    }

    public sealed class CommandRow
    {
        public string Text { get; set; } = "";
        public string Is { get; set; } = "";
    }

    public sealed class QuestionRow
    {
        public string Text { get; set; } = "";
        public bool Question { get; set; }
        public bool Clear { get; set; }
    }

    public sealed class UnknownRow
    {
        public string Text { get; set; } = "";
        public bool Is { get; set; }
    }
}
