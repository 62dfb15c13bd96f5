using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests.Channels.BotFramework;

/// <summary>Bad input to /api/messages gets the status the protocol expects, with a reason, and never a 5xx.</summary>
public sealed class BotFrameworkBadInputTests(ScriptedHost host) : IClassFixture<ScriptedHost>
{
    private readonly HostFactory _host = host.Factory;

    private async Task<HttpResponseMessage> PostAsync(string body, string contentType = "application/json")
    {
        using var http = _host.NewClient();
        return await http.PostAsync("api/messages", new StringContent(body, Encoding.UTF8, contentType));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("\"message\"")]
    [InlineData("{}")]
    [InlineData("""{"type":""}""")]
    public async Task A_body_that_is_not_an_activity_is_400_with_a_reason(string body)
    {
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("activity", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"message","text":"x","value":{"choice":"\ud800"}}""")]
    [InlineData("""{"type":"message","text":"x","channelData":{"tenant":{"id":"\udc00"}}}""")]
    public async Task An_unpaired_surrogate_is_400_before_anything_reads_it(string body)
    {
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid Unicode", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_megabyte_body_is_413()
    {
        string text = new('あ', 1024 * 1024 / 3);
        using var response = await PostAsync($$"""{"type":"message","text":"{{text}}"}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_message_without_a_conversation_is_400()
    {
        using var response = await PostAsync("""{"type":"message","text":"診断","serviceUrl":"https://smba.trafficmanager.net/apac/","from":{"id":"29:u"},"recipient":{"id":"28:b"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("conversation.id", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_without_a_service_url_to_answer_on_is_400()
    {
        using var response = await PostAsync("""{"type":"message","text":"診断","conversation":{"id":"a:1"},"from":{"id":"29:u"},"recipient":{"id":"28:b"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("serviceUrl", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("messageReaction")]
    [InlineData("typing")]
    [InlineData("deleteUserData")]
    [InlineData("somethingNew")]
    public async Task Unknown_and_unhandled_activity_types_are_accepted_and_ignored(string type)
    {
        using var http = _host.NewClient();
        var user = new TeamsUser(http, "a:ignored");
        using var response = await user.PostRawAsync(new JsonObject { ["type"] = type });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Empty(body!["activities"]!.AsArray());
    }

    [Fact]
    public async Task Handoff_status_from_a_contact_centre_hub_is_accepted()
    {
        using var http = _host.NewClient();
        using var response = await new TeamsUser(http, "a:hub").PostRawAsync(new JsonObject
        {
            ["type"] = "event",
            ["name"] = "handoff.status",
            ["value"] = new JsonObject { ["state"] = "completed" },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
