using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mamori.Host.Tests.Support;
using Mamori.Tests.Postgres;
using Xunit.Abstractions;

namespace Mamori.Host.Tests;

/// <summary>
/// A Web Chat user answering the diagnosis while the host is killed with SIGKILL again and again, at a random moment
/// around each answer (while it is on its way, just after its 200, while the bot works on it): every answer the host
/// accepted is answered after the restart, and no saved answer is lost — the question counter 【n/N】 never goes back.
/// The host is its own process on one data folder, as in production with the embedded default (SQLite everywhere).
/// </summary>
public sealed partial class KillRestartTests(ITestOutputHelper output) : IDisposable
{
    private const int Cycles = 20;
    private readonly string _scratch = Directory.CreateTempSubdirectory("mamori-kill-").FullName;

    [GeneratedRegex(@"【(\d+)/(\d+)】")]
    private static partial Regex Counter();

    [UnixFact]
    public Task Twenty_kill_9_restarts_in_the_middle_of_a_diagnosis_lose_no_accepted_answer_and_no_saved_one() =>
        KillAgainAndAgainAsync(new Dictionary<string, string>
        {
            ["Mamori__State__Provider"] = "sqlite",
            ["Mamori__State__SqlitePath"] = Path.Combine(_scratch, "state.db"),
        });

    /// <summary>
    /// The same on the production set-up, every store in PostgreSQL: the killed host's pump lease outlives it there (other
    /// hosts may share the database), so the restarted host answers once it lapses; a short lease keeps the test quick.
    /// </summary>
    [PostgresFact]
    public async Task Twenty_kill_9_restarts_on_postgres_lose_no_accepted_answer_and_no_saved_one()
    {
        await using var database = await TestDatabase.CreateAsync();
        await KillAgainAndAgainAsync(new Dictionary<string, string>
        {
            ["Storage__Provider"] = "postgres",
            ["ConnectionStrings__Mamori"] = database.ConnectionString,
            ["Mamori__State__Provider"] = "sqlite",   // HostProcess's default (memory) is refused with PostgreSQL
            ["Access__TokenSigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Channels__DirectLine__PumpLease"] = "00:00:03",
        });
    }

    private async Task KillAgainAndAgainAsync(Dictionary<string, string> environment)
    {
        var random = new Random(20261205);
        string? conversationId = null, token = null;
        var accepted = new List<string>();
        var unanswered = new HashSet<string>();
        JsonArray transcript = [];

        for (int cycle = 0; cycle <= Cycles; cycle++)
        {
            using var host = HostProcess.Start(_scratch, environment);
            using var http = new HttpClient { BaseAddress = await host.WaitForAddressAsync(), Timeout = TimeSpan.FromSeconds(30) };
            await host.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(90));
            var chat = new DirectLineClient(http);
            if (conversationId is null)
            {
                await chat.MintAsync();
                using var started = await chat.SendAsync(HttpMethod.Post, "v3/directline/conversations");
                Assert.Equal(HttpStatusCode.Created, started.StatusCode);
                (conversationId, token) = (chat.ConversationId, chat.Token);
            }
            else
            {
                chat.Resume(conversationId, token!);
            }

            // Everything accepted before the kill is answered now, once the host is back.
            try
            {
                transcript = await chat.WaitForAsync(a => accepted.All(id => DirectLineClient.Answered(a, id)) && DirectLineClient.BotMessages(a).Any(), TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                transcript = await chat.ActivitiesAsync();
                unanswered.UnionWith(accepted.Where(id => !DirectLineClient.Answered(transcript, id)));
                accepted.RemoveAll(unanswered.Contains);   // counted once, not again in every later cycle
            }
            if (cycle == Cycles)
                break;

            // One answer, then SIGKILL somewhere between sending it and a moment after the bot has begun on it.
            string answer = DirectLineClient.FirstChoice(DirectLineClient.BotMessages(transcript).Last());
            var post = chat.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities", DirectLineClient.Message(answer));
            int wait = random.Next(0, 400);
            bool afterTheReply = random.Next(2) == 0;
            string? id = null;
            try
            {
                if (afterTheReply)
                    id = await AcceptedIdAsync(await post);   // after the 200, while the bot may still be working
                await Task.Delay(wait);                       // otherwise the kill may come before the 200
                host.KillHard();
                if (!afterTheReply)
                    id = await AcceptedIdAsync(await post);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                host.KillHard();   // killed before it answered: not accepted, so nothing was promised
            }
            if (id is not null)
                accepted.Add(id);
        }

        var counters = DirectLineClient.BotMessages(transcript)
            .Select(m => Counter().Match((string?)m["text"] ?? "")).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        output.WriteLine($"{Cycles} kills, {accepted.Count + unanswered.Count} answers accepted, {unanswered.Count} never answered; counters {string.Join(" ", counters)}");
        Assert.Empty(unanswered);
        Assert.True(accepted.Count >= Cycles / 2, $"only {accepted.Count} of {Cycles} answers were accepted: the kills came too early to test anything");
        for (int i = 1; i < counters.Count; i++)
            Assert.True(counters[i] >= counters[i - 1], $"the counter went back from {counters[i - 1]} to {counters[i]}: a saved answer was lost");
        Assert.True(counters[^1] >= accepted.Count - 2, $"{accepted.Count} answers accepted but the diagnosis is at question {counters[^1]}");
    }

    private static async Task<string?> AcceptedIdAsync(HttpResponseMessage response)
    {
        using (response)
            return response.StatusCode == HttpStatusCode.OK ? (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"] : null;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
            // a file still open: the temp folder is cleaned by the system
        }
    }
}
