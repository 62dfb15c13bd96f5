using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests.Desk;

/// <summary>An owner in the web chat (Direct Line), who reads the bot's and the desk's messages as they arrive.</summary>
internal sealed partial class DeskOwner(DirectLineClient client)
{
    private int _seen;

    public DirectLineClient Client => client;

    public static async Task<DeskOwner> StartAsync(HostFactory host, string tenant)
    {
        var owner = new DeskOwner(await DirectLineClient.StartAsync(host, tenant));
        await owner.NextAsync();   // the greeting
        return owner;
    }

    /// <summary>Says something and returns the bot's (or the desk's) messages that follow, once they stop coming.</summary>
    public async Task<List<JsonNode>> SayAsync(string text)
    {
        await client.PostAsync(text);
        return await NextAsync();
    }

    /// <summary>The messages that arrived since last read: waits for the first, then until 300 ms pass without another.</summary>
    public async Task<List<JsonNode>> NextAsync(TimeSpan? timeout = null)
    {
        await client.WaitForAsync(a => DirectLineClient.BotMessages(a).Count() > _seen, timeout);
        int count;
        do
        {
            count = DirectLineClient.BotMessages(await client.ActivitiesAsync()).Count();
            await Task.Delay(300);
        }
        while (DirectLineClient.BotMessages(await client.ActivitiesAsync()).Count() != count);
        var fresh = DirectLineClient.BotMessages(await client.ActivitiesAsync()).Skip(_seen).ToList();
        _seen += fresh.Count;
        return fresh;
    }

    /// <summary>After a message that must get no answer: nothing arrives within the wait.</summary>
    public async Task<int> CountAfterQuietAsync(TimeSpan wait)
    {
        await Task.Delay(wait);
        return DirectLineClient.BotMessages(await client.ActivitiesAsync()).Count() - _seen;
    }

    public static string Text(IEnumerable<JsonNode> messages) => string.Join("\n", messages.Select(m => (string?)m["text"] ?? ""));

    public static string[] Buttons(IEnumerable<JsonNode> messages) =>
        messages.LastOrDefault(m => m["suggestedActions"] is not null)?["suggestedActions"]!["actions"]!.AsArray()
            .Select(a => (string)a!["title"]!).ToArray() ?? [];

    public static int QuestionNumber(IEnumerable<JsonNode> messages) =>
        QuestionHeader().Match(Text(messages)) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex("【(\\d+)/\\d+】")]
    private static partial Regex QuestionHeader();
}
