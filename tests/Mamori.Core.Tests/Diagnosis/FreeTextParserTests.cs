using Mamori.Core.Diagnosis;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mamori.Core.Tests.Diagnosis;

/// <summary>Specs/parser.yaml: owners' free-text replies and the code each must map to (or none).</summary>
public sealed class FreeTextParserTests
{
    public sealed class ParserCase
    {
        public string Q { get; set; } = "";
        public string Text { get; set; } = "";
        public string? Code { get; set; }

        public override string ToString() => $"{Q}: 「{Text}」 → {Code ?? "NoMatch"}";
    }

    private sealed class ParserSpec
    {
        public List<ParserCase> Cases { get; set; } = [];
    }

    private static List<ParserCase> Load()
    {
        var yaml = File.ReadAllText(Path.Combine(TestKnowledge.Specs, "parser.yaml"));
        return new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build().Deserialize<ParserSpec>(yaml).Cases;
    }

    public static TheoryData<ParserCase> Cases()
    {
        var data = new TheoryData<ParserCase>();
        foreach (var c in Load())
            data.Add(c);
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public void Maps_the_reply_to_the_right_code_or_to_no_match(ParserCase spec)
    {
        var match = TestKnowledge.Script.Get(spec.Q).Match(spec.Text);
        Assert.Equal(spec.Code, match?.Code);
    }

    [Fact]
    public void The_spec_has_at_least_sixty_replies_and_covers_no_match()
    {
        var cases = Load();
        Assert.True(cases.Count >= 60, $"{cases.Count} cases");
        Assert.Contains(cases, c => c.Code is null);
    }

    [Fact]
    public void Every_button_label_and_code_maps_back_to_its_own_choice()
    {
        foreach (var question in TestKnowledge.Script.Questions)
        {
            foreach (var choice in question.Choices)
            {
                Assert.Equal(choice.Code, question.Match(choice.Label)?.Code);
                Assert.Equal(choice.Code, question.Match(choice.Code)?.Code);
            }
            Assert.Equal("unknown", question.Match("わからない")?.Code);
            Assert.Equal("unknown", question.Match("ワカラナイ")?.Code);
        }
    }

    [Fact]
    public void Amounts_per_month_are_counted_as_twelve_months()
    {
        var match = TestKnowledge.Script.Get("inv_budget").Match("月１万円");
        Assert.Equal("100k-500k", match?.Code);
        Assert.Equal(120_000m, match?.Number);
        Assert.Equal("年10〜50万円", match?.Label);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("😀😀😀")]
    [InlineData("<script>alert(1)</script>")]
    public void Empty_or_meaningless_input_is_no_match_for_every_question(string? text)
    {
        foreach (var question in TestKnowledge.Script.Questions)
            Assert.Null(question.Match(text));
    }
}
