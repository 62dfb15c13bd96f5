using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Mamori.Host.Tests.Channels.BotFramework;
using Mamori.Host.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Host.Tests.Desk;

/// <summary>
/// When an owner asks for a person the desk is told at once: an email through a real SMTP server on loopback and an
/// incoming-webhook POST, both in Japanese with the 受付番号 and the link to the case; a failing webhook is tried again.
/// </summary>
public sealed class DeskNoticeTests : IAsyncLifetime
{
    private readonly FakeMailServer _mail = new();
    private readonly ConcurrentQueue<JsonObject> _posts = new();
    private int _failuresLeft = 1;
    private WebApplication _webhook = null!;
    private HostFactory _host = null!;

    public async Task InitializeAsync()
    {
        _webhook = LoopbackApp.Create();
        _webhook.MapPost("/hook", async (HttpRequest request) =>
        {
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
                return Results.StatusCode(500);   // the first try fails: the notice must be sent again
            _posts.Enqueue((await JsonNode.ParseAsync(request.Body))!.AsObject());
            return Results.Ok();
        });
        await _webhook.StartAsync();
        string hook = LoopbackApp.BaseUrlOf(_webhook) + "hook";

        _host = new HostFactory(scripted: false, new Dictionary<string, string?>
        {
            ["BotFramework:MamoriTenant"] = "chamber",
            ["Tenants:chamber:SupportDesk:Phone"] = "03-1234-5678",
            ["Tenants:chamber:SupportDesk:NoticeEmails:0"] = "desk@example-cci.jp",
            ["Tenants:chamber:SupportDesk:NoticeWebhookUrl"] = hook,
            ["Desk:Notices:Smtp:Host"] = "127.0.0.1",
            ["Desk:Notices:Smtp:Port"] = _mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Desk:Notices:Smtp:Security"] = "None",
            ["Desk:Notices:Smtp:From"] = "mamori@example-cci.jp",
            ["Desk:Notices:ConsoleBaseUrl"] = "https://mamori.example-cci.jp/",
            ["Desk:Notices:RetryDelay"] = "00:00:00.050",
        });
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _webhook.DisposeAsync();
        _mail.Dispose();
    }

    [Fact]
    public async Task The_desk_gets_an_email_and_a_webhook_with_the_reference_and_the_link_to_the_case()
    {
        var user = new TeamsUser(_host.NewClient(), "a:notice-" + Guid.NewGuid().ToString("N"));
        await user.PressAsync("診断を始める");
        var told = await user.SayAsync("担当者と話したい");
        string reference = System.Text.RegularExpressions.Regex.Match(string.Join("\n", TeamsUser.Texts(told)), @"受付番号は「(\d{3}-\d{3})」").Groups[1].Value;
        Assert.NotEmpty(reference);

        var mail = await _mail.WaitForMessageAsync(TimeSpan.FromSeconds(10));
        Assert.Equal($"【まもり】新しいご相談（受付番号 {reference}）", mail.Subject);
        Assert.Equal("desk@example-cci.jp", mail.To.Mailboxes.Single().Address);
        Assert.Equal("mamori@example-cci.jp", mail.From.Mailboxes.Single().Address);
        Assert.Contains("テスト商工会議所に、まもりからご相談が届きました。", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("経路：Microsoft Teams", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("きっかけ：担当者と話したい", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://mamori.example-cci.jp/desk?ref={reference}", mail.TextBody, StringComparison.Ordinal);

        for (int i = 0; i < 200 && _posts.IsEmpty; i++)
            await Task.Delay(25);
        var post = Assert.Single(_posts);
        Assert.Contains($"受付番号 {reference}", (string)post["text"]!, StringComparison.Ordinal);
        Assert.Single(_mail.Messages);   // asking once: one notice
    }
}
