using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Mamori.Host.Tests.Channels.BotFramework;

/// <summary>
/// A Teams user talking to /api/messages the way the channel posts activities, here with <c>deliveryMode: "expectReplies"</c>
/// so the bot's replies come back in the HTTP response. Personal chat by default; in a group chat the bot is @mentioned
/// by entity and buttons are Adaptive Card submits.
/// </summary>
internal sealed partial class TeamsUser(HttpClient http, string conversationId, bool group = false, string? userId = null, string? bearer = null)
{
    // Each test user is new to the bot: a returning user is greeted with the last result instead of the first question.
    private readonly string _userId = userId ?? "29:owner-" + Guid.NewGuid().ToString("N");
    public const string BotId = "28:mamori-bot";
    public const string BotName = "まもり";
    public const string ServiceUrl = "https://smba.trafficmanager.net/apac/";
    private int _sequence;

    /// <summary>Everything the bot has sent to this user, in order.</summary>
    public List<JsonObject> Received { get; } = [];

    public Task<List<JsonObject>> AddBotAsync() => PostAsync(new JsonObject
    {
        ["type"] = "conversationUpdate",
        ["membersAdded"] = new JsonArray { new JsonObject { ["id"] = BotId } },
    });

    public Task<List<JsonObject>> SayAsync(string text)
    {
        var activity = new JsonObject { ["type"] = "message", ["text"] = group ? $"<at>{BotName}</at> {text}" : text };
        if (group)
        {
            activity["entities"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = "mention",
                    ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
                    ["text"] = $"<at>{BotName}</at>",
                },
            };
        }
        return PostAsync(activity);
    }

    /// <summary>Presses a button: a suggested action sends its label as text; a card button sends <c>value.choice</c>.</summary>
    public Task<List<JsonObject>> PressAsync(string label) => group
        ? PostAsync(new JsonObject { ["type"] = "message", ["value"] = new JsonObject { ["choice"] = label } })
        : SayAsync(label);

    public async Task<HttpResponseMessage> PostRawAsync(JsonObject activity)
    {
        activity["id"] ??= $"act-{++_sequence}";
        activity["channelId"] ??= "msteams";
        activity["serviceUrl"] ??= ServiceUrl;
        activity["deliveryMode"] ??= "expectReplies";
        activity["from"] ??= new JsonObject { ["id"] = _userId, ["name"] = "オーナー" };
        activity["recipient"] ??= new JsonObject { ["id"] = BotId, ["name"] = BotName };
        activity["conversation"] ??= new JsonObject
        {
            ["id"] = conversationId,
            ["conversationType"] = group ? "groupChat" : "personal",
            ["isGroup"] = group,
            ["tenantId"] = "tenant-1",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = JsonContent.Create(activity) };
        if (bearer is not null)
            request.Headers.Authorization = new("Bearer", bearer);
        return await http.SendAsync(request);
    }

    private async Task<List<JsonObject>> PostAsync(JsonObject activity)
    {
        using var response = await PostRawAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var replies = body["activities"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Received.AddRange(replies);
        return replies;
    }

    public static IEnumerable<string> Texts(IEnumerable<JsonObject> replies) =>
        replies.Select(r => (string?)r["text"]).OfType<string>().Where(t => t.Length > 0)
            .Concat(replies.SelectMany(CardTexts));

    /// <summary>
    /// The buttons under the last reply: suggested actions, Action.Submit buttons in an Adaptive Card, or the imBack
    /// buttons of a hero card (how botbuilder's ChoicePrompt shows choices in Teams).
    /// </summary>
    public static string[] Buttons(IReadOnlyList<JsonObject> replies)
    {
        if (replies.Count == 0)
            return [];
        if (replies[^1]["suggestedActions"]?["actions"] is JsonArray actions)
            return [.. actions.Select(a => (string)a!["title"]!)];
        string[] submits = [.. replies.SelectMany(Cards).SelectMany(card => card["body"]!.AsArray())
            .Where(b => (string?)b!["type"] == "ActionSet")
            .SelectMany(b => b!["actions"]!.AsArray())
            .Where(a => (string?)a!["type"] == "Action.Submit")
            .Select(a => (string)a!["data"]!["choice"]!)];
        return submits.Length > 0 ? submits : HeroCardButtons(replies[^1]);
    }

    private static string[] HeroCardButtons(JsonObject reply) =>
        [.. (reply["attachments"] as JsonArray ?? [])
            .Where(a => (string?)a!["contentType"] == "application/vnd.microsoft.card.hero")
            .SelectMany(a => a!["content"]!["buttons"] as JsonArray ?? [])
            .Where(b => (string?)b!["type"] == "imBack")
            .Select(b => (string)b!["value"]!)];

    public static IEnumerable<JsonObject> Cards(JsonObject reply) =>
        (reply["attachments"] as JsonArray ?? [])
            .Where(a => (string?)a!["contentType"] == "application/vnd.microsoft.card.adaptive")
            .Select(a => a!["content"]!.AsObject());

    private static IEnumerable<string> CardTexts(JsonObject reply) =>
        Cards(reply).SelectMany(card => card["body"]!.AsArray())
            .Where(b => (string?)b!["type"] == "TextBlock").Select(b => (string)b!["text"]!);

    /// <summary>The number n of the question 【n/M】 the bot asked last, or 0.</summary>
    public static int QuestionNumber(IEnumerable<JsonObject> replies) =>
        Texts(replies).Select(t => Counter().Match(t)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value)).LastOrDefault();

    [GeneratedRegex(@"【(\d+)/\d+】")]
    private static partial Regex Counter();

    public static bool HasResultCard(IEnumerable<JsonObject> replies) =>
        replies.SelectMany(Cards).Any(card => card["actions"] is JsonArray);   // the result card links to the report
}
