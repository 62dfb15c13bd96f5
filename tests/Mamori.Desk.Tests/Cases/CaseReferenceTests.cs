using Mamori.Desk.Cases;

namespace Mamori.Desk.Tests.Cases;

public sealed class CaseReferenceTests
{
    [Fact]
    public void A_case_has_one_six_digit_reference_that_differs_between_cases()
    {
        string id = DeskIds.New();
        Assert.Matches(@"^\d{3}-\d{3}$", CaseReference.Of(id));
        Assert.Equal(CaseReference.Of(id), CaseReference.Of(id));
        var many = Enumerable.Range(0, 1000).Select(_ => CaseReference.Of(DeskIds.New())).ToHashSet();
        Assert.True(many.Count > 990, $"{many.Count} distinct references among 1000 cases");
    }

    [Theory]
    [InlineData("123-456", "123-456")]
    [InlineData("123456", "123-456")]
    [InlineData("１２３－４５６", "123-456")]
    [InlineData(" 123 456 ", "123-456")]
    [InlineData("12345", null)]
    [InlineData("123-4567", null)]
    [InlineData("abc-def", null)]
    [InlineData("", null)]
    public void What_a_person_types_is_read_as_a_reference_or_refused(string typed, string? expected) =>
        Assert.Equal(expected, CaseReference.Normalize(typed));
}
