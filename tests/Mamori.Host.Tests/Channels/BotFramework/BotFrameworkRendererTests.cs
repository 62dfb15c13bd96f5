using Mamori.Core.Messages;
using Mamori.Host.Channels.Activities;
using Mamori.Host.Channels.BotFramework;
using Mamori.Host.Channels.Rendering;
using Mamori.Host.Texts;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Tests.Channels.BotFramework;

public sealed class BotFrameworkRendererTests
{
    private static readonly BotFrameworkRenderer Renderer = new(Options.Create(new HostTexts { CitationsHeading = "出典", ReportLinkLabel = "報告書を開く" }));

    private static Activity Inbound(string conversationType) => new()
    {
        Type = "message",
        Id = "1681234567890",
        ChannelId = "msteams",
        ServiceUrl = "https://smba.trafficmanager.net/apac/",
        From = new ChannelAccount { Id = "29:owner" },
        Recipient = new ChannelAccount { Id = "28:bot" },
        Conversation = new ConversationAccount { Id = "19:abc@thread.v2", ConversationType = conversationType, IsGroup = conversationType != "personal" },
    };

    private static PublishedReply Question(params string[] choices) => new(new BotReply
    {
        Text = "【3/20】パソコンやスマホのパスワードは、どのように管理していますか？",
        Choices = [.. choices.Select(c => new ReplyChoice(c))],
    }, null, null);

    [Fact]
    public void In_a_personal_chat_the_choices_are_suggested_actions_for_the_owner()
    {
        var activities = Renderer.Render(Question("できている", "一部だけ", "わからない"), Inbound("personal"));

        var message = Assert.Single(activities);
        Assert.Equal("【3/20】パソコンやスマホのパスワードは、どのように管理していますか？", message.Text);
        Assert.Equal(["できている", "一部だけ", "わからない"], message.SuggestedActions!.Actions.Select(a => a.Title));
        Assert.All(message.SuggestedActions.Actions, a => Assert.Equal("imBack", a.Type));
        Assert.Equal(["29:owner"], message.SuggestedActions.To!);
        Assert.Equal("1681234567890", message.ReplyToId);
        Assert.Equal("28:bot", message.From!.Id);
    }

    [Fact]
    public void In_a_group_chat_the_question_and_its_buttons_are_one_card()
    {
        var activities = Renderer.Render(Question("できている", "わからない"), Inbound("groupChat"));

        var message = Assert.Single(activities);
        Assert.Null(message.Text);
        Assert.Null(message.SuggestedActions);
        var card = message.Attachments!.Single().Content!.Value;
        var body = card.GetProperty("body").EnumerateArray().ToList();
        Assert.Equal("【3/20】パソコンやスマホのパスワードは、どのように管理していますか？", body[0].GetProperty("text").GetString());
        var submits = body.Skip(1).Select(b => b.GetProperty("actions")[0]).ToList();
        Assert.Equal(["できている", "わからない"], submits.Select(s => s.GetProperty("data").GetProperty("choice").GetString()));
        Assert.All(submits, s => Assert.Equal("Action.Submit", s.GetProperty("type").GetString()));
    }

    [Fact]
    public void Long_text_goes_out_as_several_messages_each_short_enough_to_read()
    {
        string paragraph = string.Concat(Enumerable.Repeat("バックアップは社外にも一つ置きましょう。", 20));
        var reply = new PublishedReply(BotReply.Plain(string.Join("\n\n", Enumerable.Repeat(paragraph, 5))), null, null);

        var activities = Renderer.Render(reply, Inbound("personal"));

        Assert.True(activities.Count >= 3);
        Assert.All(activities, a => Assert.True(a.Text!.Length <= ChannelCapabilities.Teams.MaxBubbleChars));
    }

    [Fact]
    public void The_stage_picture_is_sent_as_png_and_left_out_when_only_svg_exists()
    {
        var image = new ReplyImage("段階の図", "<svg/>", null);
        var png = new PublishedReply(BotReply.Plain("結果です。") with { Image = image }, new PublishedImage(image, "https://bot.example/media/1", "image/png"), null);
        var svg = png with { Image = new PublishedImage(image, "https://bot.example/media/2", "image/svg+xml") };

        Assert.Contains(Renderer.Render(png, Inbound("personal")), a => a.Attachments?.Single().ContentUrl == "https://bot.example/media/1");
        Assert.DoesNotContain(Renderer.Render(svg, Inbound("personal")), a => a.Attachments is not null);
    }

    [Fact]
    public void The_result_card_is_adaptive_card_1_5_with_the_report_link()
    {
        var card = new ReplyCard("診断結果", [new CardSection("今週の一歩", [new CardItem("パスワードの使い回しをやめる", "共有のパスワードを一つずつ変えましょう。")])]);
        var reply = new PublishedReply(new BotReply { Text = "結果", Card = card }, null, new Uri("https://bot.example/report/x?t=y"));

        var activity = Assert.Single(Renderer.Render(reply, Inbound("personal")));
        var content = activity.Attachments!.Single().Content!.Value;

        Assert.Equal("1.5", content.GetProperty("version").GetString());
        Assert.Equal("https://bot.example/report/x?t=y", content.GetProperty("actions")[0].GetProperty("url").GetString());
        Assert.Null(activity.Text);   // the card carries the result; text beside it would be split off by Teams
    }
}
