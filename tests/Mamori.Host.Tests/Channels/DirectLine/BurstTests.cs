using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests.Channels.DirectLine;

public sealed class BurstTests(ScriptedHost host) : IClassFixture<ScriptedHost>
{
    [Fact]
    public async Task A_burst_of_1000_posts_is_throttled_with_retry_after_and_nothing_accepted_is_lost()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        var requests = Enumerable.Range(0, 1000).Select(async Task<(string? Accepted, bool Throttled)> (i) =>
        {
            using var response = await client.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{client.ConversationId}/activities", DirectLineClient.Message($"連投{i}"));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "429 must say when to retry");
                return (null, true);
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return ((string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"], false);
        });
        var results = await Task.WhenAll(requests);

        var accepted = results.Where(r => r.Accepted is not null).Select(r => r.Accepted!).ToHashSet();
        Assert.NotEmpty(accepted);
        Assert.Contains(results, r => r.Throttled);

        // Every accepted activity is in the transcript, and the bot answered each one.
        var transcript = await client.WaitForAsync(a => accepted.All(id => a.Any(x => (string?)x!["replyToId"] == id)), TimeSpan.FromSeconds(30));
        Assert.Subset(transcript.Select(a => (string)a!["id"]!).ToHashSet(), accepted);
        Assert.Equal(accepted.Count, transcript.Count(a => (string?)a!["from"]!["role"] == "user"));
    }

    [Fact]
    public async Task Typing_activities_count_against_the_same_limit()
    {
        var client = await DirectLineClient.StartAsync(host.Factory);
        const string typing = """{"type":"typing","from":{"id":"dl_typist"}}""";
        var statuses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
        {
            using var response = await client.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{client.ConversationId}/activities", typing);
            return response.StatusCode;
        }));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, s.ToString()));
    }
}
