using Mamori.Host.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
        await using var site = await PlainSiteAsync(snippet.Replace(ReadmeHost, botOrigin, StringComparison.Ordinal));
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
        string line = File.ReadLines(Path.Combine(RepositoryRoot.Path, "README.md"))
            .Single(l => l.Contains(ReadmeHost + "/widget.js", StringComparison.Ordinal) && l.TrimStart().StartsWith("<script", StringComparison.Ordinal));
        return line.Trim();
    }

    /// <summary>A plain page (no CSP, no styles) on its own loopback port: another origin than the bot.</summary>
    private static Task<LoopbackSite> PlainSiteAsync(string snippet) => LoopbackSite.StartAsync(app =>
    {
        app.MapGet("/", () => Results.Content(
            "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>テストのページ</title></head>" +
            $"<body><h1>テストのページ</h1>{snippet}</body></html>", "text/html; charset=utf-8"));
        app.MapGet("/favicon.ico", () => Results.NoContent());   // so the console shows only what the widget says
    });
}
