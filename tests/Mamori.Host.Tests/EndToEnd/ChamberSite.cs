using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Host.Tests.EndToEnd;

/// <summary>
/// A chamber's website on a second loopback port (another origin), with a strict Content-Security-Policy (no
/// 'unsafe-inline', no 'unsafe-eval') and aggressive global CSS, embedding the widget with the documented one-liner.
/// </summary>
internal sealed class ChamberSite : IAsyncDisposable
{
    private WebApplication _app = null!;

    public string Origin { get; private set; } = "";

    /// <summary>Set once the bot host runs (its port is known only then).</summary>
    public string BotOrigin { get; set; } = "";

    public static async Task<ChamberSite> StartAsync()
    {
        var site = new ChamberSite();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        site._app = builder.Build();
        site._app.MapGet("/", (HttpContext context) =>
        {
            context.Response.Headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' {site.BotOrigin}; connect-src 'self' {site.BotOrigin}; " +
                $"frame-src {site.BotOrigin}; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'";
            return Results.Content(
                "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">" +
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>テスト商工会議所</title>" +
                "<link rel=\"stylesheet\" href=\"/site.css\"></head><body><h1>テスト商工会議所</h1>" +
                "<p>会員のみなさまへのお知らせです。</p><p><a href=\"#news\">お知らせ一覧</a></p>" +
                $"<script src=\"{site.BotOrigin}/widget.js\" data-tenant=\"chamber\" async></script></body></html>",
                "text/html; charset=utf-8");
        });
        // Global rules a real site might have: none of them may reach the widget, and the widget must not change the page.
        site._app.MapGet("/site.css", () => Results.Text(
            "* { font-family: serif; letter-spacing: 2px; }\n" +
            "button { background: rgb(255, 0, 0) !important; color: yellow !important; }\n" +
            "iframe { border: 10px solid red !important; }\n" +
            "h1 { color: rgb(0, 0, 128); }\n", "text/css"));
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
