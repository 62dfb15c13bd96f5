using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Mamori.Core.Messages;
using Mamori.Host.Channels.Line;
using Mamori.Host.Channels.Rendering;
using Mamori.Host.Texts;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Tests.Channels.Line;

public sealed class LineRendererTests
{
    private static readonly LineRenderer Renderer = new(Options.Create(new HostTexts { CitationsHeading = "出典", ReportLinkLabel = "報告書を見る・印刷する", LineMeasureLink = "詳しく見る ›" }));

    private static PublishedReply Plain(string text, params string[] choices) =>
        new(new BotReply { Text = text, Choices = [.. choices.Select(c => new ReplyChoice(c))] }, null, null);

    [Fact]
    public void Quick_replies_stop_at_thirteen_and_long_labels_are_shortened_on_the_button_but_sent_in_full()
    {
        string longLabel = "従業員が自分のスマホで会社のメールを見ている";   // 22 characters
        string family = "👨‍👩‍👧‍👦" + new string('あ', 19);                  // one grapheme of seven UTF-16 pairs, then 19: 20 in LINE's count
        var choices = new[] { longLabel, family }.Concat(Enumerable.Range(1, 20).Select(i => $"選択肢{i}")).ToArray();

        var messages = Renderer.Render([Plain("【7/20】どれに当てはまりますか？", choices)], "#1f5fa8");

        var items = Assert.Single(messages)["quickReply"]!["items"]!.AsArray();
        Assert.Equal(13, items.Count);
        var first = items[0]!["action"]!;
        Assert.Equal("message", (string?)first["type"]);
        Assert.Equal(longLabel, (string?)first["text"]);
        Assert.Equal(20, new StringInfo((string)first["label"]!).LengthInTextElements);
        Assert.EndsWith("…", (string)first["label"]!, StringComparison.Ordinal);
        Assert.Equal(family, (string?)items[1]!["action"]!["label"]);   // exactly 20 grapheme clusters: kept whole
    }

    [Fact]
    public void Long_text_is_split_into_bubbles_and_a_turn_is_joined_to_fit_in_one_reply()
    {
        string paragraph = new string('あ', 600) + "。";
        var replies = Enumerable.Range(0, 7).Select(i => Plain($"{i}: 短いお知らせです。")).Append(Plain(string.Join("\n\n", paragraph, paragraph), "はい")).ToList();

        var messages = Renderer.Render(replies, "#1f5fa8");

        Assert.InRange(messages.Count, 1, 5);
        Assert.All(messages, m => Assert.InRange(((string)m["text"]!).Length, 1, 5000));
        string all = string.Join("\n\n", messages.Select(m => (string)m["text"]!));
        Assert.All(Enumerable.Range(0, 7), i => Assert.Contains($"{i}: 短いお知らせです。", all, StringComparison.Ordinal));
        Assert.Equal(2 * 601, all.Count(c => c is 'あ' or '。') - 7);
        Assert.NotNull(messages[^1]["quickReply"]);
    }

    [Fact]
    public void The_stage_picture_goes_only_as_a_PNG_over_https()
    {
        var image = new ReplyImage("段階の図", "<svg/>", [1, 2, 3]);
        PublishedReply With(string url, string type) => new(new BotReply { Text = "図です。", Image = image }, new PublishedImage(image, url, type), null);

        var https = Renderer.Render([With("https://mamori.example.jp/media/abc", "image/png")], "#1f5fa8");
        var picture = Assert.Single(https, m => (string?)m["type"] == "image");
        Assert.Equal("https://mamori.example.jp/media/abc", (string?)picture["originalContentUrl"]);
        Assert.Equal("https://mamori.example.jp/media/abc", (string?)picture["previewImageUrl"]);

        Assert.DoesNotContain(Renderer.Render([With("http://localhost:5000/media/abc", "image/png")], "#1f5fa8"), m => (string?)m["type"] == "image");
        Assert.DoesNotContain(Renderer.Render([With("https://mamori.example.jp/media/abc", "image/svg+xml")], "#1f5fa8"), m => (string?)m["type"] == "image");
    }

    [Fact]
    public void A_large_result_still_fits_one_bubble_with_a_short_alt_text_and_the_report_button()
    {
        var items = Enumerable.Range(1, 60).Select(i => new CardItem($"支援策{i}", new string('説', 120), $"https://www.example.go.jp/{i}")).ToList();
        var card = new ReplyCard("診断結果：予算の段階で止まっています", [new CardSection("おすすめの支援", items)]);
        var reply = new PublishedReply(new BotReply { Text = new string('結', 900), Card = card }, null, new Uri("https://mamori.example.jp/report/x?t=1"));

        var flex = Assert.Single(Renderer.Render([reply], "#0a6b3d"));

        Assert.Equal("flex", (string?)flex["type"]);
        Assert.InRange(((string)flex["altText"]!).Length, 1, 400);
        Assert.InRange(Encoding.UTF8.GetByteCount(flex["contents"]!.ToJsonString()), 1, 30 * 1024);
        var body = flex["contents"]!["body"]!["contents"]!.AsArray();
        Assert.Equal("支援策1", (string?)body[1]!["contents"]![0]!["text"]);   // the first measures are kept, the last give way
        Assert.Equal("https://www.example.go.jp/1", (string?)body[1]!["action"]!["uri"]);
        var button = flex["contents"]!["footer"]!["contents"]![0]!;
        Assert.Equal("#0a6b3d", (string?)button["color"]);
        Assert.Equal("https://mamori.example.jp/report/x?t=1", (string?)button["action"]!["uri"]);
    }

    [Fact]
    public void Links_other_than_http_in_a_card_are_left_out()
    {
        var card = new ReplyCard("結果", [new CardSection("支援", [new CardItem("危ない", "説明", "javascript:alert(1)")])]);
        var flex = Assert.Single(Renderer.Render([new PublishedReply(new BotReply { Text = "結果", Card = card }, null, null)], "#1f5fa8"));

        Assert.DoesNotContain("javascript", flex.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(flex["contents"]!["footer"]);
    }
}
