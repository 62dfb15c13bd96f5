using System.Text.Json;
using Mamori.Core.Diagnosis;
using Mamori.Core.Reports;

namespace Mamori.Core.Tests.Diagnosis;

public sealed class AnswerSetTests
{
    [Fact]
    public void Round_trips_through_System_Text_Json_with_the_owners_words()
    {
        var answers = AnswerSet.Empty.With("employees", "6-20", "12人くらい").With("industry", "retail");
        var json = JsonSerializer.Serialize(answers);
        Assert.Equal("""{"employees":{"code":"6-20","raw":"12人くらい"},"industry":{"code":"retail","raw":"retail"}}""",
            JsonSerializer.Serialize(answers, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        var back = JsonSerializer.Deserialize<AnswerSet>(json)!;
        Assert.Equal(answers, back);
        Assert.Equal("12人くらい", back.Get("employees")!.Raw);
    }

    [Fact]
    public void Is_immutable_and_independent_of_the_order_answers_were_given()
    {
        var a = AnswerSet.Empty.With("industry", "retail").With("employees", "1-5");
        var b = AnswerSet.Empty.With("employees", "1-5").With("industry", "retail");
        Assert.Equal(a, b);
        Assert.Equal(JsonSerializer.Serialize(a), JsonSerializer.Serialize(b));
        var c = a.Without("industry");
        Assert.True(a.Contains("industry"));
        Assert.False(c.Contains("industry"));
    }

    [Fact]
    public void Json_that_is_not_an_answer_set_fails_with_a_json_error()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<AnswerSet>("""{"industry":"retail"}"""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<AnswerSet>("[]"));
    }

    [Fact]
    public void The_kit_warns_about_entries_not_reviewed_for_a_year()
    {
        var kit = DiagnosisKit.Load(TestKnowledge.Folder);
        var farFuture = new DateOnly(2099, 1, 1);
        var warnings = kit.Warnings(farFuture);
        Assert.Contains(warnings, w => w.Contains("more than a year ago") && w.Contains(kit.Catalog.Measures[0].Id));
        Assert.DoesNotContain(kit.Warnings(new DateOnly(2026, 11, 29)), w => w.Contains("more than a year ago"));
    }
}
