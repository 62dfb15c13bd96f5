using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mamori.Core.Dialogs;
using Mamori.Desk.Storage;
using Mamori.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Host.Tests.Desk.Hubs;

/// <summary>
/// A chamber whose desk is a contact-centre hub, over Direct Line with the real engine: 「担当者と話したい」 tells the
/// owner, then puts handoff.initiate with the context and the transcript on the stream; the bot is silent until the
/// hub's handoff.status says completed or failed. A chamber with the desk console still gets a case.
/// </summary>
public sealed class HubDirectLineTests(HubDirectLineTests.Hosts hosts) : IClassFixture<HubDirectLineTests.Hosts>
{
    public sealed class Hosts : IDisposable
    {
        public HostFactory WithHub { get; } = new(scripted: false, new Dictionary<string, string?>
        {
            ["Tenants:chamber:SupportDesk:Handoff"] = "Hub",
            ["Tenants:chamber:SupportDesk:Phone"] = "03-1234-5678",
            ["Channels:DirectLine:RateLimitBurst"] = "1000",     // a whole diagnosis pressed as fast as the bot answers
            ["Channels:DirectLine:RateLimitPerSecond"] = "1000",
        });

        public HostFactory WithConsole { get; } = new(scripted: false, new Dictionary<string, string?>
        {
            ["Tenants:chamber:SupportDesk:Phone"] = "03-1234-5678",
        });

        public void Dispose()
        {
            WithHub.Dispose();
            WithConsole.Dispose();
        }
    }

    [Fact]
    public async Task The_owner_is_told_then_handoff_initiate_carries_the_chat_and_answers_and_the_bot_waits_for_completed()
    {
        var owner = await DirectLineClient.StartAsync(hosts.WithHub, "chamber");
        await AnswerTwoQuestionsAsync(owner);

        string asked = await owner.PostAsync("担当者と話したい");
        var stream = await owner.WaitForAsync(a => Index(a, IsInitiate) >= 0);

        int told = Index(stream, a => Text(a).Contains("テスト商工会議所 経営相談窓口の担当者にお渡ししました", StringComparison.Ordinal));
        int initiate = Index(stream, IsInitiate);
        Assert.InRange(told, 0, initiate - 1);   // the owner is told first
        var handoff = stream[initiate]!;
        Assert.Equal("event", (string?)handoff["type"]);
        Assert.Equal(asked, (string?)handoff["replyToId"]);
        Assert.Equal("bot", (string?)handoff["from"]!["role"]);
        Assert.Equal(owner.ConversationId, (string?)handoff["conversation"]!["id"]);
        Assert.Contains("担当者との会話を希望", (string?)handoff["value"]!["reason"], StringComparison.Ordinal);
        Assert.Equal("chamber", (string?)handoff["value"]!["tenantId"]);
        Assert.Equal(2, handoff["value"]!["answers"]!.AsArray().Count);
        var transcript = Assert.Single(handoff["attachments"]!.AsArray())!;
        Assert.Equal("application/json", (string?)transcript["contentType"]);
        Assert.Equal("Transcript", (string?)transcript["name"]);
        var lines = transcript["content"]!["activities"]!.AsArray();
        // The stream's own messages, both sides, oldest first, up to the owner's request and the bot's reply to it.
        Assert.All(lines, l => Assert.Equal("message", (string?)l!["type"]));
        Assert.Contains(lines, l => (string?)l!["from"]!["role"] == "user" && (string?)l["text"] == "診断を始める");
        Assert.Contains(lines, l => (string?)l!["from"]!["role"] == "bot" && Text(l).Contains("【2/", StringComparison.Ordinal));
        Assert.Equal(asked, (string?)lines[^2]!["id"]);
        Assert.Equal(stream[told]!["id"]!.ToJsonString(), lines[^1]!["id"]!.ToJsonString());

        // The hub's staff read this from the stream; the bot says nothing.
        string meanwhile = await owner.PostAsync("パスワードは何文字以上が安全？");
        await PostStatusAsync(owner, """{"state":"accepted","message":"山田が対応します"}""");
        await PostStatusAsync(owner, """{"state":"completed"}""");
        stream = await owner.WaitForAsync(a => Index(a, a => Text(a).Contains("担当者との会話が終わりました", StringComparison.Ordinal)) >= 0);
        Assert.DoesNotContain(stream, a => (string?)a!["replyToId"] == meanwhile);

        string back = await owner.PostAsync("パスワードは何文字以上が安全？");
        await owner.WaitForAsync(a => a.Any(x => (string?)x!["replyToId"] == back && IsBotMessage(x)));
    }

    [Fact]
    public async Task When_the_hub_fails_the_owner_hears_where_else_to_ask_and_the_bot_answers_again()
    {
        var owner = await DirectLineClient.StartAsync(hosts.WithHub, "chamber");
        await AnswerTwoQuestionsAsync(owner);
        await owner.PostAsync("担当者と話したい");
        await owner.WaitForAsync(a => Index(a, IsInitiate) >= 0);

        await PostStatusAsync(owner, """{"state":"failed","message":{"reason":"no agents"}}""");

        var stream = await owner.WaitForAsync(a => Index(a, a => Text(a).Contains("いまは担当者がお受けできませんでした", StringComparison.Ordinal)) >= 0);
        Assert.Contains(stream, a => Text(a).Contains("テスト商工会議所 経営相談窓口には、電話 03-1234-5678 でもご相談いただけます", StringComparison.Ordinal));
        string back = await owner.PostAsync("続きから");
        var resumed = await owner.WaitForAsync(a => a.Any(x => (string?)x!["replyToId"] == back && IsBotMessage(x)));
        Assert.Contains(resumed, a => (string?)a!["replyToId"] == back && Text(a).Contains("【3/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_finished_diagnosis_the_event_carries_its_summary_step_and_measures()
    {
        var owner = await DirectLineClient.StartAsync(hosts.WithHub, "chamber");
        await owner.WaitForAsync(a => DirectLineClient.BotMessages(a).Any(m => m["suggestedActions"] is not null));
        string label = "診断を始める";
        for (int turn = 0; turn < 80; turn++)
        {
            string id = await owner.PostAsync(label);
            var stream = await owner.WaitForAsync(a => a.Any(x => (string?)x!["replyToId"] == id && x["suggestedActions"] is not null));
            if (stream.Any(x => (string?)x!["replyToId"] == id && x["attachments"]?[0]?["contentType"]?.ToString() == "application/vnd.microsoft.card.adaptive"))
                break;
            label = (string)stream.Last(x => (string?)x!["replyToId"] == id && x["suggestedActions"] is not null)!["suggestedActions"]!["actions"]![0]!["title"]!;
        }

        await owner.PostAsync("担当者と話したい");
        var handoff = (await owner.WaitForAsync(a => Index(a, IsInitiate) >= 0)).Single(a => IsInitiate(a!))!;

        var diagnosis = handoff["value"]!["diagnosis"]!;
        Assert.False(string.IsNullOrWhiteSpace((string?)diagnosis["summary"]));
        Assert.InRange((int)diagnosis["step"]!, 1, 4);
        Assert.NotEmpty(diagnosis["measures"]!.AsArray());
        Assert.True(handoff["value"]!["answers"]!.AsArray().Count > 5);
    }

    [Theory]
    [InlineData("""{"type":"event","name":"handoff.status","from":{"id":"hub"}}""")]
    [InlineData("""{"type":"event","name":"handoff.status","from":{"id":"hub"},"value":"completed"}""")]
    [InlineData("""{"type":"event","name":"handoff.status","from":{"id":"hub"},"value":{"message":"no state"}}""")]
    [InlineData("""{"type":"event","name":"handoff.status","from":{"id":"hub"},"value":{"state":"queued"}}""")]
    [InlineData("""{"type":"event","name":"handoff.status","from":{"id":"hub"},"value":{"state":7}}""")]
    public async Task A_bad_handoff_status_is_400_with_a_reason(string body)
    {
        var owner = await DirectLineClient.StartAsync(hosts.WithHub, "chamber");

        using var response = await owner.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{owner.ConversationId}/activities", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("handoff.status", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chamber_with_the_desk_console_still_opens_a_case_and_sends_no_handoff_event()
    {
        var owner = await DirectLineClient.StartAsync(hosts.WithConsole, "chamber");
        await AnswerTwoQuestionsAsync(owner);

        string asked = await owner.PostAsync("担当者と話したい");

        var stream = await owner.WaitForAsync(a => a.Any(x => (string?)x!["replyToId"] == asked && Text(x).Contains("受付番号", StringComparison.Ordinal)));
        Assert.DoesNotContain(stream, a => IsInitiate(a!));
        var store = hosts.WithConsole.Services.GetRequiredService<IDeskStore>();
        Assert.NotNull(await store.FindOpenCaseAsync(new ConversationKey("chamber", owner.ConversationId), CancellationToken.None));
    }

    /// <summary>Starts the diagnosis and answers its first two questions with their first buttons.</summary>
    private static async Task AnswerTwoQuestionsAsync(DirectLineClient owner)
    {
        await owner.WaitForAsync(a => DirectLineClient.BotMessages(a).Any(m => m["suggestedActions"] is not null));
        string id = await owner.PostAsync("診断を始める");
        for (int question = 1; question <= 2; question++)
        {
            string counter = $"【{question}/";
            var stream = await owner.WaitForAsync(a => a.Any(x => (string?)x!["replyToId"] == id && Text(x).Contains(counter, StringComparison.Ordinal)));
            var asking = stream.Last(x => (string?)x!["replyToId"] == id && x["suggestedActions"] is not null)!;
            id = await owner.PostAsync((string)asking["suggestedActions"]!["actions"]![0]!["title"]!);
        }
        await owner.WaitForAsync(a => a.Any(x => (string?)x!["replyToId"] == id && Text(x).Contains("【3/", StringComparison.Ordinal)));
    }

    private static async Task PostStatusAsync(DirectLineClient hub, string value)
    {
        string body = $$"""{"type":"event","name":"handoff.status","from":{"id":"hub"},"value":{{value}}}""";
        using var response = await hub.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{hub.ConversationId}/activities", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static bool IsInitiate(JsonNode activity) => (string?)activity["name"] == "handoff.initiate";

    private static bool IsBotMessage(JsonNode? activity) => (string?)activity!["from"]!["role"] == "bot" && (string?)activity["type"] == "message";

    private static string Text(JsonNode? activity) =>
        activity?["text"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? (string)v! : "";

    private static int Index(JsonArray stream, Func<JsonNode, bool> match)
    {
        for (int i = 0; i < stream.Count; i++)
        {
            if (match(stream[i]!))
                return i;
        }
        return -1;
    }
}
