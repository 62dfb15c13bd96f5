using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Mamori.Host.Tests.EndToEnd;

/// <summary>
/// A chamber's website on a second loopback port (another origin), with a strict Content-Security-Policy (no
/// 'unsafe-inline', no 'unsafe-eval') and aggressive global CSS, embedding the widget with the documented one-liner.
/// </summary>
internal sealed class ChamberSite : IAsyncDisposable
{
    private LoopbackSite _site = null!;

    public string Origin => _site.Origin;

    /// <summary>Set once the bot host runs (its port is known only then).</summary>
    public string BotOrigin { get; set; } = "";

    public static async Task<ChamberSite> StartAsync()
    {
        var site = new ChamberSite();
        site._site = await LoopbackSite.StartAsync(site.Map);
        return site;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/", (HttpContext context) =>
        {
            context.Response.Headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' {BotOrigin}; connect-src 'self' {BotOrigin}; " +
                $"frame-src {BotOrigin}; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'";
            return Results.Content(
                "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">" +
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>テスト商工会議所</title>" +
                "<link rel=\"stylesheet\" href=\"/site.css\"></head><body><h1>テスト商工会議所</h1>" +
                "<p>会員のみなさまへのお知らせです。</p><p><a href=\"#news\">お知らせ一覧</a></p>" +
                $"<script src=\"{BotOrigin}/widget.js\" data-tenant=\"chamber\" async></script></body></html>",
                "text/html; charset=utf-8");
        });
        // Global rules a real site might have: none of them may reach the widget, and the widget must not change the page.
        app.MapGet("/site.css", () => Results.Text(
            "* { font-family: serif; letter-spacing: 2px; }\n" +
            "button { background: rgb(255, 0, 0) !important; color: yellow !important; }\n" +
            "iframe { border: 10px solid red !important; }\n" +
            "h1 { color: rgb(0, 0, 128); }\n", "text/css"));
    }

    public ValueTask DisposeAsync() => _site.DisposeAsync();
}
