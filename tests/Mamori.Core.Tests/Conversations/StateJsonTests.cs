using Mamori.Core.Conversations;

namespace Mamori.Core.Tests.Conversations;

/// <summary>The state is written on every turn: it must stay small and keep only what cannot be derived.</summary>
public sealed class StateJsonTests
{
    private static readonly ConversationState State = ConversationState.New()
        .WithAnswer(new RecordedAnswer("prefecture", "osaka", "大阪"))
        .WithRegion("tokyo");

    [Fact]
    public void Japanese_is_stored_as_text_not_escapes()
    {
        var json = StateJson.Serialize(State);

        Assert.Contains("大阪", json);
        Assert.DoesNotContain("\\u5927", json);
    }

    [Fact]
    public void Derived_properties_are_not_stored_and_come_back_from_the_answers()
    {
        var json = StateJson.Serialize(State);
        var loaded = StateJson.DeserializeConversation(json);

        Assert.DoesNotContain("effectiveRegion", json);
        Assert.DoesNotContain("\"top\"", json);
        Assert.Equal("tokyo", loaded.Region);
        Assert.Equal("osaka", loaded.EffectiveRegion);
    }
}
