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

    [Fact]
    public void A_guess_awaiting_the_owners_yes_survives_the_round_trip()
    {
        var asking = State.Push(new DiagnosisFrame("employees", Misses: 1, Pending: new PendingAnswer("1-5", "5人から10人", ["1-5", "6-20"])));

        var loaded = StateJson.DeserializeConversation(StateJson.Serialize(asking));

        var frame = Assert.IsType<DiagnosisFrame>(loaded.Top);
        Assert.Equal(("employees", 1), (frame.QuestionId, frame.Misses));
        Assert.Equal("1-5", frame.Pending!.Code);
        Assert.Equal("5人から10人", frame.Pending.Raw);
        Assert.Equal(["1-5", "6-20"], frame.Pending.Alternatives);
    }

    [Fact]
    public void A_frame_without_a_guess_stores_no_pending_field()
    {
        var json = StateJson.Serialize(State.Push(new DiagnosisFrame("employees")));

        Assert.Null(Assert.IsType<DiagnosisFrame>(StateJson.DeserializeConversation(json).Top).Pending);
    }
}
