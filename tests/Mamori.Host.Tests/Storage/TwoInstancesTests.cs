using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mamori.Host.Tests.Support;
using Mamori.Tests.Postgres;
using Xunit.Abstractions;

namespace Mamori.Host.Tests.Storage;

/// <summary>
/// Two hosts, each its own process on its own loopback port, sharing one PostgreSQL, as behind a load balancer: a Web
/// Chat user whose requests land on either goes through the diagnosis as if there were one host.
/// </summary>
public sealed partial class TwoInstancesTests(ITestOutputHelper output)
{
    [GeneratedRegex(@"【(\d+)/(\d+)】")]
    private static partial Regex Counter();

    [PostgresFact]
    public async Task A_conversation_started_on_one_host_goes_on_on_the_other_and_the_socket_on_either_gets_every_reply_in_order()
    {
        await using var database = await TestDatabase.CreateAsync();
        var settings = Settings(database);
        using var hostA = HostProcess.Start(environment: settings);
        using var hostB = HostProcess.Start(environment: settings);
        using var httpA = new HttpClient { BaseAddress = await hostA.WaitForAddressAsync(), Timeout = TimeSpan.FromSeconds(30) };
        using var httpB = new HttpClient { BaseAddress = await hostB.WaitForAddressAsync(), Timeout = TimeSpan.FromSeconds(30) };
        await Task.WhenAll(hostA.WaitUntilReadyAsync(httpA, TimeSpan.FromSeconds(120)), hostB.WaitUntilReadyAsync(httpB, TimeSpan.FromSeconds(120)));

        // Started on A…
        var onA = new DirectLineClient(httpA);
        await onA.MintAsync();
        using (var started = await onA.SendAsync(HttpMethod.Post, "v3/directline/conversations"))
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        // …the page reconnects through B (its socket is held by B), and its posts go to either.
        var onB = new DirectLineClient(httpB);
        onB.Resume(onA.ConversationId, onA.Token);
        using var reconnect = await onB.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{onA.ConversationId}?watermark=0");
        Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
        string streamUrl = (string)(await reconnect.Content.ReadFromJsonAsync<JsonObject>())!["streamUrl"]!;
        Assert.StartsWith(httpB.BaseAddress!.GetLeftPart(UriPartial.Authority).Replace("http", "ws", StringComparison.Ordinal), streamUrl, StringComparison.Ordinal);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        var onSocket = new SocketTranscript(socket);

        // The greeting, written on A, reaches the socket on B.
        await onSocket.WaitForAsync(a => DirectLineClient.BotMessages(a).Any());

        // Answers one by one, alternately through A and B: each is answered, on B's socket.
        for (int turn = 0; turn < 6; turn++)
        {
            var via = turn % 2 == 0 ? onA : onB;
            string answer = DirectLineClient.FirstChoice(DirectLineClient.BotMessages(onSocket.Activities).Last());
            string id = await via.PostAsync(answer);
            await onSocket.WaitForAsync(a => DirectLineClient.Answered(a, id));
        }
        // Two answers at once, one to each host: both are answered, the first one's reply first.
        string last = DirectLineClient.FirstChoice(DirectLineClient.BotMessages(onSocket.Activities).Last());
        var posts = await Task.WhenAll(onA.PostAsync(last), onB.PostAsync("わからない"));
        await onSocket.WaitForAsync(a => posts.All(id => DirectLineClient.Answered(a, id)));

        var seen = onSocket.Activities;
        var transcriptA = await onA.ActivitiesAsync();
        var transcriptB = await onB.ActivitiesAsync();
        output.WriteLine($"{seen.Count} activities on B's socket; A's transcript {transcriptA.Count}, B's {transcriptB.Count}");
        // The same transcript on both hosts and on the socket: no activity twice, none missing, in one order.
        string[] ids = [.. seen.Select(a => (string)a!["id"]!)];
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Equal(ids, transcriptA.Select(a => (string)a!["id"]!));
        Assert.Equal(ids, transcriptB.Select(a => (string)a!["id"]!));
        // Each reply comes after its echo, and replies follow the order of the turns they answer.
        var replyTo = seen.Select((a, i) => (Index: i, To: (string?)a!["replyToId"], Bot: (string?)a["from"]!["role"] == "bot"))
            .Where(a => a.Bot && a.To is not null).ToList();
        foreach (var reply in replyTo)
            Assert.True(Array.IndexOf(ids, reply.To) < reply.Index, $"the reply at {reply.Index} comes before its turn {reply.To}");
        var answeredOrder = replyTo.Select(r => Array.IndexOf(ids, r.To)).ToList();
        Assert.Equal(answeredOrder.Order(), answeredOrder);
        // The question counter went up with every answer, whichever host took it: no saved answer was lost.
        var counters = DirectLineClient.BotMessages(seen).Select(m => Counter().Match((string?)m["text"] ?? "")).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        output.WriteLine("counters " + string.Join(" ", counters));
        Assert.True(counters.Count >= 6, "the diagnosis should have asked at least six numbered questions");
        for (int i = 1; i < counters.Count; i++)
            Assert.True(counters[i] >= counters[i - 1], $"the counter went back from {counters[i - 1]} to {counters[i]}");
        Assert.DoesNotContain(hostA.Lines.Concat(hostB.Lines), l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task Turns_accepted_by_a_host_that_is_killed_are_answered_by_the_other_once_its_lease_lapses()
    {
        await using var database = await TestDatabase.CreateAsync();
        var settings = Settings(database);
        settings["Channels__DirectLine__PumpLease"] = "00:00:03";
        using var survivor = HostProcess.Start(environment: settings);
        using var httpB = new HttpClient { BaseAddress = await survivor.WaitForAddressAsync(), Timeout = TimeSpan.FromSeconds(30) };
        await survivor.WaitUntilReadyAsync(httpB, TimeSpan.FromSeconds(120));

        // Until a kill leaves turns in the inbox (the bot may answer within the milliseconds before it).
        for (int attempt = 1; ; attempt++)
        {
            using var victim = HostProcess.Start(environment: settings);
            using var httpA = new HttpClient { BaseAddress = await victim.WaitForAddressAsync(), Timeout = TimeSpan.FromSeconds(30) };
            await victim.WaitUntilReadyAsync(httpA, TimeSpan.FromSeconds(120));
            var onA = new DirectLineClient(httpA);
            await onA.MintAsync();
            using (var started = await onA.SendAsync(HttpMethod.Post, "v3/directline/conversations"))
                Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            var greeting = await onA.WaitForAsync(a => DirectLineClient.BotMessages(a).Any());
            string[] accepted = await Task.WhenAll(
                onA.PostAsync(DirectLineClient.FirstChoice(DirectLineClient.BotMessages(greeting).Last())), onA.PostAsync("わからない"), onA.PostAsync("わからない"));
            victim.KillHard();

            await using var waiting = database.DataSource.CreateCommand("SELECT count(*) FROM dl_inbox");
            long left = (long)(await waiting.ExecuteScalarAsync())!;
            output.WriteLine($"attempt {attempt}: {left} of {accepted.Length} accepted turns unanswered at the kill");
            if (left == 0 && attempt < 5)
                continue;
            Assert.True(left > 0, "five kills came only after every turn was answered: nothing was left to recover");

            var onB = new DirectLineClient(httpB);
            onB.Resume(onA.ConversationId, onA.Token);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await onB.WaitForAsync(a => accepted.All(id => DirectLineClient.Answered(a, id)), TimeSpan.FromSeconds(20));
            output.WriteLine($"answered by the survivor {clock.ElapsedMilliseconds} ms after the kill");
            Assert.Contains(survivor.Lines, l => l.Contains("no host was answering", StringComparison.Ordinal));
            return;
        }
    }

    private static Dictionary<string, string> Settings(TestDatabase database) => new()
    {
        ["Storage__Provider"] = "postgres",
        ["ConnectionStrings__Mamori"] = database.ConnectionString,
        ["Mamori__State__Provider"] = "sqlite",   // HostProcess's default (memory) is refused with PostgreSQL
        // Behind a load balancer every host signs with the same key, or a token from one is refused by the other.
        ["Access__TokenSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };

    /// <summary>Collects what the socket sends, as Web Chat does.</summary>
    private sealed class SocketTranscript
    {
        private readonly List<JsonNode> _seen = [];
        private readonly Task _reading;

        public SocketTranscript(ClientWebSocket socket) => _reading = ReadAsync(socket);

        public JsonArray Activities
        {
            get { lock (_seen) return [.. _seen.Select(a => a.DeepClone())]; }
        }

        public async Task WaitForAsync(Func<JsonArray, bool> condition)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (!condition(Activities))
            {
                Assert.False(_reading.IsCompleted, "the socket closed: " + _reading.Exception);
                Assert.True(DateTime.UtcNow < deadline, "the socket never got it; it has: " + Activities.ToJsonString());
                await Task.Delay(50);
            }
        }

        private async Task ReadAsync(ClientWebSocket socket)
        {
            var buffer = new byte[1024 * 1024];
            while (socket.State == WebSocketState.Open)
            {
                int length = 0;
                WebSocketReceiveResult frame;
                do
                {
                    frame = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), CancellationToken.None);
                    length += frame.Count;
                }
                while (!frame.EndOfMessage);
                if (frame.MessageType == WebSocketMessageType.Close)
                    return;
                if (length == 0)
                    continue;
                var set = JsonNode.Parse(buffer.AsSpan(0, length))!;
                lock (_seen)
                {
                    foreach (var activity in (JsonArray)set["activities"]!)
                    {
                        if ((string?)activity!["type"] != "typing")
                            _seen.Add(activity.DeepClone());
                    }
                }
            }
        }
    }
}
