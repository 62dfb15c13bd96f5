using System.Net;
using Mamori.Host.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Mamori.Host.Tests.EndToEnd;

/// <summary>The README's widget line, pasted as written into a plain page on another loopback port, with nothing configured.</summary>
public sealed class ReadmeWidgetTests
{
    private const string ReadmeHost = "http://localhost:5000";

    [ChromiumFact]
    public async Task The_readme_snippet_opens_the_default_chat_on_a_page_of_another_origin()
    {
        string snippet = ReadmeSnippet();
        using var host = new HostFactory(scripted: false, chamber: false);
        string botOrigin = host.BaseAddress.AbsoluteUri.TrimEnd('/');
        // The README names the port `dotnet run` listens on; the test host has its own.
        await using var site = await PlainSite.StartAsync(snippet.Replace(ReadmeHost, botOrigin, StringComparison.Ordinal));
        Assert.NotEqual(site.Origin, botOrigin);

        await using var browser = await Browser.LaunchAsync();
        await using var context = await browser.Chromium.NewContextAsync(new() { Locale = "ja-JP" });
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") lock (console) console.Add(message.Text); };
        await page.GotoAsync(site.Origin);

        var launcher = page.GetByRole(AriaRole.Button, new() { Name = "セキュリティ相談を開く" });
        await launcher.WaitForAsync(new() { Timeout = 15_000 });
        await launcher.ClickAsync();
        var chat = new WebChatDriver(() => page.Frames.FirstOrDefault(f => f.Url.StartsWith(botOrigin + "/widget/frame", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("The widget frame is not (yet) there."));
        await chat.WaitForAsync(async () => (await chat.BotTextsAsync()).Any(t => t.Contains("まもり", StringComparison.Ordinal)), "the greeting in the widget");
        Assert.True(console.Count == 0, string.Join("\n", console));
    }

    /// <summary>The one line of README.md that loads the widget from a local bot; the test fails when it is gone.</summary>
    private static string ReadmeSnippet()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Bot.sln")))
            directory = directory.Parent;
        Assert.NotNull(directory);
        string line = File.ReadLines(Path.Combine(directory.FullName, "README.md"))
            .Single(l => l.Contains(ReadmeHost + "/widget.js", StringComparison.Ordinal) && l.TrimStart().StartsWith("<script", StringComparison.Ordinal));
        return line.Trim();
    }

    /// <summary>A plain page (no CSP, no styles) on its own loopback port: another origin than the bot.</summary>
    private sealed class PlainSite : IAsyncDisposable
    {
        private WebApplication _app = null!;

        public string Origin { get; private set; } = "";

        public static async Task<PlainSite> StartAsync(string snippet)
        {
            var site = new PlainSite();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            site._app = builder.Build();
            site._app.MapGet("/", () => Results.Content(
                "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>テストのページ</title></head>" +
                $"<body><h1>テストのページ</h1>{snippet}</body></html>", "text/html; charset=utf-8"));
            site._app.MapGet("/favicon.ico", () => Results.NoContent());   // so the console shows only what the widget says
            await site._app.StartAsync();
            site.Origin = site._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return site;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
