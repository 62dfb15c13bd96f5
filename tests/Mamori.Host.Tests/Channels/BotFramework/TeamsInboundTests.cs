using System.Text.Json;
using Mamori.Host.Channels.Activities;
using Mamori.Host.Channels.BotFramework;

namespace Mamori.Host.Tests.Channels.BotFramework;

public sealed class TeamsInboundTests
{
    private static Activity Parse(string json) => JsonSerializer.Deserialize(json, ActivityJson.Default.Activity)!;

    [Fact]
    public void The_bots_own_mention_is_removed_by_its_entity_and_other_mentions_stay()
    {
        var activity = Parse("""
            {"type":"message","text":"<at>まもり</at> <at>佐藤</at>さんと一緒に診断したいです",
             "recipient":{"id":"28:bot"},
             "entities":[{"type":"mention","mentioned":{"id":"28:bot","name":"まもり"},"text":"<at>まもり</at>"},
                         {"type":"mention","mentioned":{"id":"29:sato","name":"佐藤"},"text":"<at>佐藤</at>"},
                         {"type":"clientInfo","locale":"ja-JP"}]}
            """);

        var inbound = TeamsInbound.Read(activity);

        Assert.Equal(InboundKind.Turn, inbound.Kind);
        Assert.Equal("<at>佐藤</at>さんと一緒に診断したいです", inbound.Text);
    }

    [Fact]
    public void A_mention_without_its_text_is_removed_by_the_bots_name()
    {
        var activity = Parse("""
            {"type":"message","text":"<at>Mamori</at> 診断","recipient":{"id":"28:bot"},
             "entities":[{"type":"Mention","mentioned":{"id":"28:bot","name":"Mamori"}}]}
            """);

        Assert.Equal("診断", TeamsInbound.Read(activity).Text);
    }

    [Fact]
    public void Text_that_only_looks_like_a_mention_is_kept_when_no_entity_names_the_bot()
    {
        var activity = Parse("""{"type":"message","text":"<at>まもり</at> 診断","recipient":{"id":"28:bot"}}""");

        Assert.Equal("<at>まもり</at> 診断", TeamsInbound.Read(activity).Text);
    }

    [Fact]
    public void A_card_button_arrives_as_its_label_in_value()
    {
        var activity = Parse("""{"type":"message","value":{"choice":"わからない"},"recipient":{"id":"28:bot"}}""");

        Assert.Equal(new Inbound(InboundKind.Turn, "わからない"), TeamsInbound.Read(activity));
    }

    [Theory]
    [InlineData("""{"type":"conversationUpdate","recipient":{"id":"28:bot"},"membersAdded":[{"id":"29:user"},{"id":"28:bot"}]}""", "Welcome")]
    [InlineData("""{"type":"conversationUpdate","recipient":{"id":"28:bot"},"membersAdded":[{"id":"29:someone-else"}]}""", "Ignore")]
    [InlineData("""{"type":"installationUpdate","action":"add","recipient":{"id":"28:bot"}}""", "Welcome")]
    [InlineData("""{"type":"installationUpdate","action":"remove","recipient":{"id":"28:bot"}}""", "Ignore")]
    [InlineData("""{"type":"messageReaction","recipient":{"id":"28:bot"}}""", "Ignore")]
    [InlineData("""{"type":"event","name":"handoff.status","value":{"state":"accepted"}}""", "Ignore")]
    [InlineData("""{"type":"message","text":"   ","recipient":{"id":"28:bot"}}""", "Ignore")]
    public void What_each_activity_asks_of_the_bot(string json, string expected) =>
        Assert.Equal(expected, TeamsInbound.Read(Parse(json)).Kind.ToString());
}
