using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mamori.Knowledge.Tests.Answering;

/// <summary>
/// A real HTTP server on 127.0.0.1 speaking the Azure OpenAI REST shape
/// (POST /openai/deployments/{d}/chat/completions|embeddings?api-version=…) and the OpenAI one (POST /v1/…),
/// so the real Azure.AI.OpenAI / OpenAI / Semantic Kernel client stack runs in tests. Chat replies are scripted;
/// embeddings are a deterministic function of the text.
/// </summary>
internal sealed class LoopbackModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _chatReplies = new();

    private LoopbackModelServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public IEnumerable<RecordedRequest> ChatRequests => Requests.Where(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal));

    public static async Task<LoopbackModelServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackModelServer(app);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", server.ChatAsync);
        app.MapPost("/openai/deployments/{deployment}/embeddings", server.EmbeddingsAsync);
        app.MapPost("/v1/chat/completions", server.ChatAsync);
        app.MapPost("/v1/embeddings", server.EmbeddingsAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    public void ReplyWithChat(string content) => _chatReplies.Enqueue(context => WriteJsonAsync(context, ChatCompletion(content)));

    /// <summary>A server that answers late (or never, if the client gives up first: the wait ends when it hangs up).</summary>
    public void ReplyWithChatAfter(TimeSpan delay, string content) => _chatReplies.Enqueue(async context =>
    {
        try
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        await WriteJsonAsync(context, ChatCompletion(content));
    });

    public void ReplyWithStatus(int status) => _chatReplies.Enqueue(context =>
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsync("""{"error":{"code":"InternalServerError","message":"The server had an error."}}""");
    });

    public void ReplyWithRawBody(string body) => _chatReplies.Enqueue(context =>
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body);
    });

    /// <summary>
    /// The vector the server returns for a text: hashed character bigrams, L2-normalised. The hash is fixed (not
    /// HashCode, which is seeded per process), so every run sees the same vectors and ranks the same way.
    /// </summary>
    public static float[] VectorFor(string text, int dimensions)
    {
        var vector = new float[dimensions];
        for (var i = 0; i + 1 < text.Length; i++)
            vector[(int)(((uint)text[i] * 65599u + text[i + 1]) % (uint)dimensions)] += 1;
        if (text.Length == 1)
            vector[text[0] % dimensions] = 1;
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return norm == 0 ? vector : [.. vector.Select(v => v / norm)];
    }

    private async Task ChatAsync(HttpContext context)
    {
        await Record(context);
        if (_chatReplies.TryDequeue(out var reply))
            await reply(context);
        else
        {
            context.Response.StatusCode = 503;
            await context.Response.WriteAsync("""{"error":{"message":"no scripted reply"}}""");
        }
    }

    private async Task EmbeddingsAsync(HttpContext context)
    {
        var request = JsonNode.Parse(await Record(context))!;
        var inputs = request["input"] is JsonArray array ? array.Select(n => n!.GetValue<string>()).ToList() : [request["input"]!.GetValue<string>()];
        var dimensions = request["dimensions"]?.GetValue<int>() ?? 16;
        var base64 = request["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = VectorFor(inputs[i], dimensions);
            JsonNode embedding = base64
                ? JsonValue.Create(Convert.ToBase64String(vector.SelectMany(BitConverter.GetBytes).ToArray()))
                : new JsonArray([.. vector.Select(v => (JsonNode)JsonValue.Create(v))]);
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }

        await WriteJsonAsync(context, new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = request["model"]?.GetValue<string>() ?? "test-embedding",
            ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["total_tokens"] = 1 },
        });
    }

    private async Task<string> Record(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        Requests.Enqueue(new RecordedRequest(
            context.Request.Path.Value ?? "",
            context.Request.QueryString.Value ?? "",
            context.Request.Headers["api-key"].ToString(),
            context.Request.Headers.Authorization.ToString(),
            body));
        return body;
    }

    private static JsonObject ChatCompletion(string content) => new()
    {
        ["id"] = "chatcmpl-test",
        ["object"] = "chat.completion",
        ["created"] = 1_764_400_000,
        ["model"] = "gpt-test",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
    };

    private static Task WriteJsonAsync(HttpContext context, JsonNode node)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(node.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record RecordedRequest(string Path, string Query, string ApiKey, string Authorization, string Body)
{
    /// <summary>The chat messages' contents joined, as the model would read them (JSON-unescaped).</summary>
    public string MessagesText() =>
        string.Join("\n", JsonNode.Parse(Body)!["messages"]!.AsArray().Select(m => $"{m!["role"]}: {ContentOf(m)}"));

    public IReadOnlyList<string> Roles() => [.. JsonNode.Parse(Body)!["messages"]!.AsArray().Select(m => m!["role"]!.GetValue<string>())];

    private static string ContentOf(JsonNode message) => message["content"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p!["text"]?.GetValue<string>())),
        _ => "",
    };
}
