using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Mamori.Host.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Mamori.Host.Tests.Observability;

/// <summary>
/// With an OTLP endpoint configured, the host sends traces and metrics over OTLP/HTTP (protobuf) to it — here a
/// loopback receiver — including Mamori's own: turns and free questions, tagged by tenant and never by user.
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Turns_and_answers_reach_the_collector_as_otlp_metrics_and_requests_as_traces()
    {
        var received = new ConcurrentQueue<(string Path, string ContentType, byte[] Body)>();
        await using var collector = LoopbackApp.Create();
        collector.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            received.Enqueue((context.Request.Path, context.Request.ContentType ?? "", body.ToArray()));
            return Results.Ok();
        });
        await collector.StartAsync();

        using var host = new HostFactory(scripted: false, new Dictionary<string, string?>
        {
            ["Observability:OtlpEndpoint"] = LoopbackApp.BaseUrlOf(collector),
            ["Observability:MetricInterval"] = "00:00:00.5",
        });
        var client = await DirectLineClient.StartAsync(host, "chamber");
        await client.PostAsync("パスワードの管理はどうすればいいですか？");
        await client.WaitForAsync(a => a.Count(x => (string?)x!["from"]?["role"] == "bot") >= 2);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        string metrics = "";
        // Metrics every half second; traces in batches, every five seconds.
        while (DateTime.UtcNow < deadline && !(metrics.Contains("mamori.turns") && metrics.Contains("mamori.answers") && received.Any(r => r.Path == "/v1/traces")))
        {
            await Task.Delay(250);
            metrics = string.Concat(received.Where(r => r.Path == "/v1/metrics").Select(r => Encoding.UTF8.GetString(r.Body)));
        }

        Assert.Contains("mamori.turns", metrics);
        Assert.Contains("mamori.turn.duration", metrics);
        Assert.Contains("mamori.answers", metrics);
        Assert.Contains("mamori.grounded", metrics);
        Assert.Contains("chamber", metrics);
        Assert.DoesNotContain(client.ConversationId, metrics);
        Assert.All(received, r => Assert.Equal("application/x-protobuf", r.ContentType));
        Assert.Contains(received, r => r.Path == "/v1/traces");
        // Spans name the route, not the conversation: a trace store must not become a list of who talked when.
        string traces = string.Concat(received.Where(r => r.Path == "/v1/traces").Select(r => Encoding.UTF8.GetString(r.Body)));
        Assert.Contains("/v3/directline/conversations/{conversationId}", traces);
        Assert.DoesNotContain(client.ConversationId, traces);
    }

    [Fact]
    public async Task Live_answers_at_once_and_ready_once_the_index_is_loaded()
    {
        using var host = new HostFactory(scripted: true);
        var http = host.NewClient();

        using var live = await http.GetAsync("healthz/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        // Ready once the index is loaded (seconds), as /healthz always said.
        var status = HttpStatusCode.ServiceUnavailable;
        for (var deadline = DateTime.UtcNow.AddSeconds(30); status != HttpStatusCode.OK && DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            using var ready = await http.GetAsync("healthz/ready");
            status = ready.StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public void An_endpoint_that_is_not_a_url_stops_the_host_with_the_setting_named()
    {
        using var host = new HostFactory(scripted: true, new Dictionary<string, string?> { ["Observability:OtlpEndpoint"] = "collector:4318" });

        var refusal = host.StartRefusal();
        Assert.Contains("Observability:OtlpEndpoint", refusal, StringComparison.Ordinal);
    }
}
