using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Mamori.Host.Tests.Support;
using Xunit.Abstractions;

namespace Mamori.Host.Tests.Robustness;

/// <summary>
/// Thousands of malformed requests, from a fixed seed, at every endpoint a stranger can reach — odd paths and ids,
/// broken and hostile JSON (lone surrogates, deep nesting, wrong types, huge strings), wrong methods, content types,
/// tokens and origins — with and without a valid Direct Line token. None may answer 5xx, and afterwards the
/// conversation that was fuzzed with its own token still reads back and still answers.
/// </summary>
public sealed class RequestFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Requests = 5_000;
    private readonly HostFactory _host = new(scripted: false);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Five_thousand_malformed_requests_get_no_server_error_and_break_no_conversation()
    {
        var chat = await DirectLineClient.StartAsync(_host, "chamber");
        await chat.WaitForAsync(a => DirectLineClient.BotMessages(a).Any());
        var random = new Random(20261205);
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        using var http = _host.NewClient();

        for (var i = 0; i < Requests; i++)
        {
            using var request = FuzzRequest(random, chat);
            string described = $"{request.Method} {request.RequestUri}";
            using var response = await http.SendAsync(request);
            int status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            // 503 is the registry's "full, try later", never a crash; every other 5xx is a defect.
            if (status >= 500 && status != 503)
                failures.Add($"{status} {described}: {Truncate(await response.Content.ReadAsStringAsync())}");
        }

        output.WriteLine("statuses: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(failures.Count == 0, $"{failures.Count} server errors, e.g.:\n" + string.Join("\n", failures.Take(10)));
        Assert.True(statuses.Keys.Count(s => s < 300) > 0 && statuses.Keys.Count(s => s is >= 400 and < 500) > 2,
            "the fuzzer reached too few outcomes: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));

        // The conversation fuzzed with its own valid token still reads back whole, and the bot still answers it.
        var transcript = await chat.ActivitiesAsync();
        Assert.NotEmpty(transcript);
        using (var health = await http.GetAsync("healthz/live"))
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var fresh = await DirectLineClient.StartAsync(_host, "chamber");
        await fresh.WaitForAsync(a => DirectLineClient.BotMessages(a).Any());
        await fresh.PostAsync("診断を始める");
        await fresh.WaitForAsync(a => DirectLineClient.BotMessages(a).Any(m => ((string?)m["text"] ?? "").Contains("業種", StringComparison.Ordinal)));
    }

    // Each path with the method its endpoint takes; a quarter of the requests use another method.
    private static readonly (string Method, string Path)[] Paths =
    [
        ("GET", "/"), ("GET", "/?tenant={s}"), ("GET", "/widget/frame?tenant={s}"), ("GET", "/privacy?tenant={s}"), ("GET", "/report/{s}?t={s}"),
        ("GET", "/media/{s}"), ("GET", "/healthz"), ("POST", "/api/tenants/{s}/token"), ("GET", "/api/tenants/{s}/widget"),
        ("POST", "/api/tenants/chamber/token"), ("POST", "/api/messages"), ("POST", "/api/line/{s}"),
        ("POST", "/v3/directline/tokens/generate"), ("POST", "/v3/directline/tokens/refresh"), ("POST", "/v3/directline/conversations"),
        ("GET", "/v3/directline/conversations/{c}"), ("GET", "/v3/directline/conversations/{c}/activities?watermark={s}"),
        ("POST", "/v3/directline/conversations/{c}/activities"), ("POST", "/v3/directline/conversations/{c}/activities"),
        ("POST", "/v3/directline/conversations/{c}/activities"), ("POST", "/v3/directline/conversations/{c}/upload"),
        ("POST", "/v3/directline/conversations/{s}/activities"), ("GET", "/desk"), ("POST", "/desk/login"), ("GET", "/desk/cases/{s}"),
        ("POST", "/desk/cases/{s}/{s}"), ("GET", "/desk/cases/{s}/report"), ("POST", "/desk/companies/{s}/diagnose"),
        ("GET", "/desk/dashboard?from={s}&to={s}&industry={s}"), ("GET", "/desk/dashboard.csv?from={s}"), ("GET", "/dashboard?x={s}"),
        ("GET", "/{s}"), ("POST", "/desk/{s}"),
    ];

    private static readonly string[] Methods = ["GET", "POST", "POST", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"];

    private static HttpRequestMessage FuzzRequest(Random random, DirectLineClient chat)
    {
        var (method, path) = Paths[random.Next(Paths.Length)];
        // Conversation paths mostly use the real conversation, so the body is read past authentication.
        path = path.Replace("{c}", random.Next(4) == 0 ? Segment(random) : chat.ConversationId, StringComparison.Ordinal);
        while (path.Contains("{s}", StringComparison.Ordinal))
        {
            int at = path.IndexOf("{s}", StringComparison.Ordinal);
            path = path[..at] + Segment(random) + path[(at + 3)..];
        }
        var request = new HttpRequestMessage(new HttpMethod(random.Next(4) == 0 ? Methods[random.Next(Methods.Length)] : method), path);
        switch (random.Next(4))
        {
            case 0: break;
            case 1: request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + chat.Token); break;
            case 2: request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Garbage(random, 40)); break;
            default: request.Headers.TryAddWithoutValidation("Authorization", random.Next(2) == 0 ? "Basic " + Garbage(random, 20) : Garbage(random, 12)); break;
        }
        if (random.Next(3) == 0)
            request.Headers.TryAddWithoutValidation("Origin", random.Next(2) == 0 ? "http://evil.example" : Garbage(random, 10));
        if (random.Next(10) == 0)
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", Garbage(random, 15));
        if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head && random.Next(5) > 0)
        {
            var content = new ByteArrayContent(Body(random));
            content.Headers.TryAddWithoutValidation("Content-Type", ContentTypes[random.Next(ContentTypes.Length)]);
            request.Content = content;
        }
        return request;
    }

    private static readonly string[] ContentTypes =
        ["application/json", "application/json; charset=utf-8", "application/json; charset=latin1", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "", "application/json;;;"];

    private static string Segment(Random random) => random.Next(8) switch
    {
        0 => "",
        1 => new string('a', random.Next(1, 3000)),
        2 => "%ED%A0%80",                                // a lone surrogate, percent-encoded
        3 => "..%2F..%2Fetc%2Fpasswd",
        4 => Uri.EscapeDataString("診断" + Garbage(random, 5)),
        5 => "%00%FF%FE",
        6 => Guid.NewGuid().ToString("N"),
        _ => Uri.EscapeDataString(Garbage(random, random.Next(1, 30))),
    };

    private static string Garbage(Random random, int length)
    {
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
            sb.Append((char)random.Next(0x20, 0x7f));
        return sb.ToString();
    }

    private static byte[] Body(Random random) => random.Next(12) switch
    {
        0 => [],
        1 => Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"\\ud800\",\"from\":{\"id\":\"u\"}}"),
        2 => Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"はい\",\"value\":{\"x\":\"\\udfff\\ud800\"},\"channelData\":\"\\ud834\",\"entities\":[{\"type\":\"\\ud800\"}],\"attachments\":[{\"contentType\":\"\\udc00\"}],\"z\":\"\\ud800\"}"),
        3 => Encoding.UTF8.GetBytes(new string('[', random.Next(10, 5000)) + new string(']', random.Next(0, 10))),
        4 => Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"" + new string('あ', random.Next(1000, 70_000)) + "\"}"),
        5 => Encoding.UTF8.GetBytes("{\"type\":" + random.Next() + ",\"text\":[1,2],\"from\":\"x\",\"channelData\":{\"clientActivityID\":{}}}"),
        6 => [0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1],   // invalid UTF-8
        7 => Encoding.UTF8.GetBytes("{\"type\":\"typing\"}"),
        8 => Encoding.UTF8.GetBytes("{\"type\":\"message\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"conversation\":{\"id\":\"" + Garbage(random, 8) + "\"},\"from\":{\"id\":null},\"recipient\":{},\"text\":\"診断\"}"),
        9 => Encoding.UTF8.GetBytes("{\"events\":[{\"type\":\"message\",\"replyToken\":\"x\",\"source\":{\"userId\":\"\\ud800\"},\"message\":{\"type\":\"text\",\"text\":\"hi\"}}]}"),
        10 => Encoding.UTF8.GetBytes("username=" + Garbage(random, 10) + "&password=" + Garbage(random, 10) + "&__RequestVerificationToken=x"),
        _ => Encoding.UTF8.GetBytes(Garbage(random, random.Next(1, 500))),
    };

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
