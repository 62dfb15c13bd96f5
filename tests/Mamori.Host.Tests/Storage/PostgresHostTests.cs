using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mamori.Core.Dialogs;
using Mamori.Core.Evidence;
using Mamori.Core.Messages;
using Mamori.Core.Storage;
using Mamori.Desk.Advisers;
using Mamori.Desk.Cases;
using Mamori.Desk.Storage;
using Mamori.Host.Access;
using Mamori.Host.Media;
using Mamori.Host.Reports;
using Mamori.Host.Storage.Postgres;
using Mamori.Host.Tests.Desk;
using Mamori.Host.Tests.Support;
using Mamori.Storage.Postgres.Conversations;
using Mamori.Storage.Postgres.Desk;
using Mamori.Storage.Postgres.Evidence;
using Mamori.Tests.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Host.Tests.Storage;

/// <summary>The host with <c>Storage:Provider=postgres</c>: migrated at start, turns and desk cases saved in PostgreSQL, /healthz asking the database.</summary>
public sealed class PostgresHostTests
{
    private static Dictionary<string, string?> Postgres(string? connectionString) => new()
    {
        ["Storage:Provider"] = "postgres",
        ["ConnectionStrings:Mamori"] = connectionString,
        ["Mamori:State:Provider"] = "sqlite",   // the tests' host keeps state in memory; with PostgreSQL that is refused
        ["Access:TokenSigningKey"] = SharedKey,
    };

    private static readonly string SharedKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    [PostgresFact]
    public async Task A_diagnosis_and_a_case_are_saved_in_postgres_and_another_instance_reads_them_where_they_were()
    {
        await using var database = await TestDatabase.CreateAsync();
        string conversation, caseId;
        using (var host = new HostFactory(scripted: false, Postgres(database.ConnectionString)))
        {
            Assert.IsType<PostgresConversationStore>(host.Services.GetRequiredService<IConversationStore>());
            Assert.IsType<PostgresEvidenceStore>(host.Services.GetRequiredService<IEvidenceStore>());
            Assert.IsType<PostgresDeskStore>(host.Services.GetRequiredService<IDeskStore>());
            Assert.IsType<PostgresAdviserCompanies>(host.Services.GetRequiredService<IAdviserCompanies>());
            var owner = await DeskOwner.StartAsync(host, "default");
            var question = await owner.SayAsync("診断を始める");
            Assert.Equal(1, DeskOwner.QuestionNumber(question));
            // 業種 by its first button, then 従業員数 and 所在地 typed as an owner would.
            string[] replies = [DeskOwner.Buttons(question)[0], "12人くらい", "東京都"];
            for (int turn = 0; turn < replies.Length; turn++)
                Assert.Equal(turn + 2, DeskOwner.QuestionNumber(await owner.SayAsync(replies[turn])));
            conversation = owner.Client.ConversationId;
            caseId = (await host.Services.GetRequiredService<IDeskStore>().OpenCaseAsync(
                new NewCase(new ConversationKey("default", conversation), "owner", "directline", "担当者と話したい", CaseSnapshot.Empty), CancellationToken.None)).Case.Id;
        }

        // A second host on the same database (a restart, or another instance) migrates nothing and finds the three answers.
        using var again = new HostFactory(scripted: false, Postgres(database.ConnectionString));
        var stored = await again.Services.GetRequiredService<IConversationStore>()
            .LoadConversationAsync(new ConversationKey("default", conversation), CancellationToken.None);
        Assert.Equal(3, stored!.State.Answers.Count);
        Assert.NotNull(await again.Services.GetRequiredService<IDeskStore>().GetCaseAsync("default", caseId, CancellationToken.None));
        foreach (var history in new[] { PostgresConversationStore.Migrations, PostgresEvidenceStore.Migrations, PostgresDeskStore.Migrations, PostgresAdviserCompanies.Migrations })
            Assert.Equal((history.Name, history.Migrations.Count), (history.Name, await AppliedAsync(database, history.Name)));
    }

    [PostgresFact]
    public async Task Two_instances_behind_one_balancer_share_reports_pictures_and_revocations()
    {
        await using var database = await TestDatabase.CreateAsync();
        var settings = Postgres(database.ConnectionString);
        settings["Access:TokenSigningKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        settings["Channels:DirectLine:RefreshedTokenGrace"] = "00:00:00";
        using var a = new HostFactory(scripted: true, settings);
        using var b = new HostFactory(scripted: true, settings);
        Assert.IsType<PostgresReportSnapshots>(a.Services.GetRequiredService<IReportSnapshots>());
        Assert.IsType<PostgresMediaStore>(a.Services.GetRequiredService<IMediaStore>());
        Assert.IsType<PostgresTokenRevocations>(a.Services.GetRequiredService<ITokenRevocations>());
        var onB = b.NewClient();

        // A picture and a report published on A open on B.
        string picture = await a.Services.GetRequiredService<IMediaStore>().AddAsync([0x3c, 0x73, 0x76, 0x67, 0x2f, 0x3e], "image/svg+xml", CancellationToken.None);
        Assert.Equal("<svg/>", await onB.GetStringAsync($"media/{picture}"));
        var conversation = new ConversationKey("default", "c-shared");
        await a.Services.GetRequiredService<IReportSnapshots>().SaveAsync(new ReportSnapshot(conversation,
            new ReplyCard("診断結果：予算の段階で止まっています", []), null, null, DateTimeOffset.UtcNow), CancellationToken.None);
        var link = a.Services.GetRequiredService<ReportLinks>().Create(a.BaseAddress, conversation, "u1");
        using var report = await onB.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Contains("予算の段階で止まっています", await report.Content.ReadAsStringAsync());

        // A token refreshed on A is refused by B, which accepts the new one.
        var client = await DirectLineClient.StartAsync(a);
        string old = client.Token;
        await Task.Delay(1100);   // a new iat, so the new token differs
        using var refreshed = await client.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh");
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var clientOnB = new DirectLineClient(onB);
        using var again = await clientOnB.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh", token: old);
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        string fresh = (string)(await refreshed.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        using var next = await clientOnB.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh", token: fresh);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public void Without_a_provider_the_evidence_and_the_desk_stay_in_sqlite()
    {
        using var host = new HostFactory(scripted: true, new Dictionary<string, string?>
        {
            ["Mamori:Evidence:SqlitePath"] = Path.Combine(Path.GetTempPath(), "mamori-evidence-" + Guid.NewGuid().ToString("N") + ".db"),
        });
        Assert.IsType<SqliteEvidenceStore>(host.Services.GetRequiredService<IEvidenceStore>());
        Assert.IsType<SqliteDeskStore>(host.Services.GetRequiredService<IDeskStore>());
        Assert.IsType<SqliteAdviserCompanies>(host.Services.GetRequiredService<IAdviserCompanies>());
    }

    [PostgresFact]
    public async Task Healthz_is_unhealthy_when_the_database_is_gone()
    {
        var database = await TestDatabase.CreateAsync();
        using var host = new HostFactory(scripted: true, Postgres(database.ConnectionString));
        var http = host.NewClient();
        await WaitForAsync(http, HttpStatusCode.OK);

        await database.DisposeAsync();   // drops the database under the running host

        var response = await WaitForAsync(http, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    [PostgresFact]
    public async Task A_chat_started_while_the_database_is_gone_gets_503_with_retry_after_not_500()
    {
        var database = await TestDatabase.CreateAsync();
        using var host = new HostFactory(scripted: true, Postgres(database.ConnectionString));
        var http = host.NewClient();
        await WaitForAsync(http, HttpStatusCode.OK);
        var chat = new DirectLineClient(http);
        await chat.MintAsync();

        await database.DisposeAsync();   // drops the database under the running host

        using var started = await chat.SendAsync(HttpMethod.Post, "v3/directline/conversations");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, started.StatusCode);
        Assert.NotNull(started.Headers.RetryAfter);
        var problem = await started.Content.ReadAsStringAsync();
        Assert.Contains("ただいまデータベースにつながりません", problem);
        Assert.DoesNotContain("Npgsql", problem);
    }

    [Theory]
    [InlineData("postgres", null, "ConnectionStrings:Mamori is empty")]
    [InlineData("postgres", "Host=127.0.0.1;Colour=blue", "ConnectionStrings:Mamori is not a valid PostgreSQL connection string")]
    [InlineData("mysql", null, "Storage:Provider must be 'sqlite' (the default) or 'postgres'")]
    [InlineData("postgres", "Host=127.0.0.1;Database=mamori", "remove Mamori:State:Provider 'memory'", "memory")]
    [InlineData("postgres", "Host=127.0.0.1;Database=mamori", "set Access:TokenSigningKey to the same value on every instance")]
    public void A_bad_storage_setting_stops_the_start_with_the_setting_named(string provider, string? connectionString, string message, string? state = null)
    {
        using var host = new HostFactory(scripted: true, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["ConnectionStrings:Mamori"] = connectionString,
            ["Mamori:State:Provider"] = state ?? "sqlite",
        });
        var refusal = host.StartRefusal();
        Assert.Contains(message, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_that_does_not_answer_stops_the_start_with_where_it_was_looked_for()
    {
        // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
        using var host = new HostFactory(scripted: true, Postgres("Host=127.0.0.1;Port=9;Database=mamori;Username=mamori;Password=secret-not-shown;Timeout=3"));
        var refusal = host.StartRefusal();
        Assert.Contains("the database 127.0.0.1:9/mamori (ConnectionStrings:Mamori) could not be migrated", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-not-shown", refusal, StringComparison.Ordinal);
    }

    private static async Task<int> AppliedAsync(TestDatabase database, string history)
    {
        await using var rows = database.DataSource.CreateCommand("SELECT count(*) FROM schema_history WHERE history = $1");
        rows.Parameters.Add(new Npgsql.NpgsqlParameter { Value = history });
        return Convert.ToInt32(await rows.ExecuteScalarAsync());
    }

    private static async Task<HttpResponseMessage> WaitForAsync(HttpClient http, HttpStatusCode status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        HttpResponseMessage response;
        while ((response = await http.GetAsync("healthz")).StatusCode != status)
        {
            Assert.True(DateTime.UtcNow < deadline, $"/healthz should answer {(int)status} within a minute");
            await Task.Delay(100);
        }
        return response;
    }
}
