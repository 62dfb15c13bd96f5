using System.Net;
using System.Text.Json.Nodes;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests.Channels.DirectLine;

/// <summary>How the engine's replies look to Web Chat: bubbles, picture, card, citations, buttons.</summary>
public sealed class RenderingTests(ScriptedHost host) : IClassFixture<ScriptedHost>
{
    [Fact]
    public async Task A_result_arrives_as_picture_and_adaptive_card_with_report_link_and_citation_links_and_its_text_is_not_repeated()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        string id = await client.PostAsync("カード");
        var activities = await client.WaitForAsync(a => a.Count(x => (string?)x!["replyToId"] == id) == 3);
        await Task.Delay(200);
        var replies = (await client.ActivitiesAsync()).Where(a => (string?)a!["replyToId"] == id).ToList();

        // The card says what the text says: Web Chat shows the card, so the text is not sent as a bubble as well.
        Assert.Equal(3, replies.Count);
        Assert.DoesNotContain(replies, r => (string?)r!["text"] == "診断の結果です。");

        var picture = replies[0]!["attachments"]![0]!;
        Assert.Equal("image/png", (string?)picture["contentType"]);
        Assert.Equal("段階の図", (string?)picture["name"]);
        using var image = await client.Http.GetAsync((string)picture["contentUrl"]!);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);

        var card = replies[1]!["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)card["contentType"]);
        var content = card["content"]!;
        Assert.Equal("AdaptiveCard", (string?)content["type"]);
        string texts = string.Join("\n", content["body"]!.AsArray().Select(b => (string?)b!["text"]));
        Assert.Contains("診断結果：意識の段階で止まっています", texts);
        Assert.Contains("[SECURITY ACTION](https://www.ipa.go.jp/security/security-action/)", texts);
        var open = content["actions"]![0]!;
        Assert.Equal("Action.OpenUrl", (string?)open["type"]);
        Assert.Contains("/report/" + client.ConversationId + "?t=", (string?)open["url"]);

        var citations = replies[2]!;
        Assert.Equal("markdown", (string?)citations["textFormat"]);
        Assert.Contains("1. [情報セキュリティ5か条](https://www.ipa.go.jp/security/guide/sme/5jouken.html)", (string?)citations["text"]);
        Assert.StartsWith("**出典**", (string?)citations["text"]);
        // The buttons ride on the last activity of the reply.
        Assert.Equal("もう一度", (string?)citations["suggestedActions"]!["actions"]![0]!["title"]);
        Assert.All(replies.Take(2), r => Assert.Null(r!["suggestedActions"]));
    }

    [Fact]
    public async Task A_long_answer_is_split_by_paragraph_into_bubbles_of_at_most_400_characters()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        string id = await client.PostAsync("長文");
        var activities = await client.WaitForAsync(a => a.Count(x => (string?)x!["replyToId"] == id) >= 3);
        await Task.Delay(200);
        var bubbles = (await client.ActivitiesAsync()).Where(a => (string?)a!["replyToId"] == id).Select(a => (string)a!["text"]!).ToList();

        Assert.True(bubbles.Count >= 3);
        Assert.All(bubbles, b => Assert.InRange(b.Length, 1, 400));
        Assert.All(bubbles, b => Assert.StartsWith("第", b));   // every bubble begins at a paragraph
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"第{i}段落です。"), string.Join("\n\n", bubbles).Split("\n\n").Select(p => p[..7]));
    }
}
