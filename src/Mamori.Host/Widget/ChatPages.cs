using Mamori.Host.Assets;
using Mamori.Host.Tenants;
using Mamori.Host.Texts;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Widget;

/// <summary>
/// The full-page chat at / (the official Web Chat, Japanese, in the tenant's colours) and the page the widget frames at
/// /widget/frame. Both come from one template; chat.js tells them apart by data-mode.
/// </summary>
public static class ChatPages
{
    public static IServiceCollection AddChatPages(this IServiceCollection services)
    {
        services.AddSingleton<PageTemplates>();
        return services;
    }

    public static IEndpointRouteBuilder MapChatPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (string? tenant, HttpContext context, TenantCatalog tenants, PageTemplates pages, IOptions<HostTexts> texts, WebChatBundle webChat) =>
            Render(context, tenants, pages, texts.Value, webChat, tenant, "page"));
        app.MapGet("/widget/frame", (string? tenant, HttpContext context, TenantCatalog tenants, PageTemplates pages, IOptions<HostTexts> texts, WebChatBundle webChat) =>
            Render(context, tenants, pages, texts.Value, webChat, tenant, "widget"));
        return app;
    }

    private static IResult Render(
        HttpContext context, TenantCatalog tenants, PageTemplates pages, HostTexts texts, WebChatBundle webChat, string? tenantId, string mode)
    {
        if ((tenantId is null ? tenants.Default : tenants.Find(tenantId)) is not { } tenant)
            return TypedResults.Problem($"Unknown tenant '{tenantId}'.", statusCode: StatusCodes.Status404NotFound);

        string nonce = ContentSecurityPolicy.NewNonce();
        ContentSecurityPolicy.Apply(context.Response, nonce, mode == "widget" ? ContentSecurityPolicy.FrameAncestors(tenant) : "'none'");
        var o = tenant.Options;
        string html = pages.Render("chat.html", new Dictionary<string, string>
        {
            ["nonce"] = nonce,
            ["webchat"] = webChat.Url,
            ["mode"] = mode,
            ["tenant"] = tenant.Id,
            ["title"] = $"{o.DisplayName} {texts.ChatTitleSuffix}",
            ["displayName"] = o.DisplayName,
            ["primary"] = o.PrimaryColor,
            ["accent"] = o.AccentColor,
            ["placeholder"] = texts.SendBoxPlaceholder,
            ["closeLabel"] = texts.CloseChat,
            ["privacyLabel"] = texts.PrivacyLink,
            ["missing"] = texts.WebChatMissing,
            ["connectionLost"] = texts.ConnectionLost,
        });
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }
}
