using Mamori.Core.Dialogs;

namespace Mamori.Core.Tests.Dialogs;

public sealed class UserInputTests
{
    [Theory]
    [InlineData(null, InputProblem.Empty)]
    [InlineData("", InputProblem.Empty)]
    [InlineData("   \n\t ", InputProblem.Empty)]
    [InlineData("\u200b\u200b", InputProblem.Empty)]
    [InlineData("\u0000\u0001\u001b", InputProblem.Empty)]
    [InlineData("😀😀🙏", InputProblem.NoLetters)]
    [InlineData("！？…", InputProblem.NoLetters)]
    [InlineData("はい", InputProblem.None)]
    [InlineData("12", InputProblem.None)]
    public void Classifies_a_message(string? text, InputProblem expected) =>
        Assert.Equal(expected, UserInput.Read(text, 1000).Problem);

    [Fact]
    public void Declines_a_message_longer_than_the_limit() =>
        Assert.Equal(InputProblem.TooLong, UserInput.Read(new string('あ', 10_000), 1000).Problem);

    [Fact]
    public void Strips_control_and_invisible_characters_but_keeps_the_words() =>
        Assert.Equal("6〜20人 です", UserInput.Read("\u00006〜20人\u200b\u0007\tです\u202e", 1000).Text);

    [Fact]
    public void Drops_a_lone_surrogate_which_could_not_be_stored() =>
        Assert.Equal("はい", UserInput.Read("は\ud800い", 1000).Text);
}
