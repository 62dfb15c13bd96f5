using System.Text.Json.Nodes;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests.Channels.DirectLine;

/// <summary>A Web Chat user in the middle of a diagnosis while the host restarts on the same data folder.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly DataFolder _data = new("dl-restart");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task After_a_restart_the_same_conversation_and_token_show_the_transcript_and_the_diagnosis_goes_on_at_the_same_question()
    {
        // Nothing configured about keys: the generated one in the data folder must carry the token over.
        var settings = _data.Settings();
        string conversationId, token;
        JsonArray before;
        using (var first = new HostFactory(scripted: false, settings))
        {
            var chat = await DirectLineClient.StartAsync(first);
            await chat.WaitForAsync(a => DirectLineClient.BotMessages(a).Any());
            await TurnAsync(chat, "診断を始める", "御社の業種");
            await TurnAsync(chat, "小売業", "従業員は何名");
            (conversationId, token) = (chat.ConversationId, chat.Token);
            before = await chat.ActivitiesAsync();
        }
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(settings["Access:TokenSigningKeyFile"]!));

        using var second = new HostFactory(scripted: false, settings);
        var again = new DirectLineClient(second.NewClient());
        again.Resume(conversationId, token);
        var after = await again.ActivitiesAsync();
        Assert.Equal(before.ToJsonString(), after.ToJsonString());

        // The token still refreshes, and the diagnosis asks the question after the number of employees.
        using (var refresh = await again.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh"))
            Assert.True(refresh.IsSuccessStatusCode, await refresh.Content.ReadAsStringAsync());
        await TurnAsync(again, "5人", "都道府県");
    }

    /// <summary>Posts a reply and waits for the bot's answer to it, which must contain <paramref name="expected"/>.</summary>
    private static async Task TurnAsync(DirectLineClient chat, string text, string expected)
    {
        string echo = await chat.PostAsync(text);
        var activities = await chat.WaitForAsync(a => DirectLineClient.BotMessages(a).Any(m => (string?)m["replyToId"] == echo && m["suggestedActions"] is not null));
        string said = string.Join("\n", DirectLineClient.BotMessages(activities).Where(m => (string?)m["replyToId"] == echo).Select(m => (string?)m["text"]));
        Assert.Contains(expected, said);
    }
}
