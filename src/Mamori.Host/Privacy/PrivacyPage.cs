using System.Globalization;
using Mamori.Host.Channels.DirectLine;
using Mamori.Host.Desk.Live;
using Mamori.Host.Reports;
using Mamori.Host.Tenants;
using Mamori.Host.Widget;
using Mamori.Knowledge.Answering;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Privacy;

/// <summary>
/// /privacy?tenant=…: what Mamori keeps, for what, for how long, and whom to ask — in plain Japanese, with the figures
/// taken from the settings that enforce them, so the page cannot promise what the host does not do.
/// </summary>
public static class PrivacyPage
{
    public const string Path = "/privacy";

    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<StateRetention>();
        services.AddHostedService<EvidenceRetention>();
        services.AddHostedService<ReportRetention>();
        return services;
    }

    public static IEndpointRouteBuilder MapPrivacy(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Render);
        return app;
    }

    private static async Task<IResult> Render(
        string? tenant, HttpContext context, TenantCatalog tenants, PageTemplates pages, IOptions<PrivacyOptions> privacy,
        IOptions<DirectLineOptions> directLine, IOptions<ReportOptions> reports, IOptions<AzureOpenAIOptions> azure,
        IOptions<OpenAICompatibleOptions> openAI, DeskReach desk)
    {
        if ((tenant is null ? tenants.Default : tenants.Find(tenant)) is not { } found)
            return TypedResults.Problem($"Unknown tenant '{tenant}'.", statusCode: StatusCodes.Status404NotFound);

        ContentSecurityPolicy.Apply(context.Response, ContentSecurityPolicy.NewNonce(), "'none'");
        var o = found.Options;
        bool hasDesk = await desk.ExistsAsync(found, context.RequestAborted);
        string html = pages.Render("privacy.html", new Dictionary<string, string>
        {
            ["title"] = "個人情報とデータの取り扱い",
            ["displayName"] = o.DisplayName,
            ["retention"] = Retention(privacy.Value.StateRetention),
            ["transcriptHours"] = Hours(directLine.Value.ConversationIdleTimeout),
            ["linkHours"] = Hours(reports.Value.LinkLifetime),
            ["model"] = azure.Value.ChatEnabled || openAI.Value.ChatEnabled
                ? "ご質問やお答えの文は、回答や読み取りのために、生成AIのサービス（" + (azure.Value.ChatEnabled ? "Microsoft Azure OpenAI" : "OpenAI 互換のサービス") + "）に送られます。"
                : "ご質問やお答えの文を、外部の生成AIのサービスに送ることはありません。",
            ["contact"] = Contact(o),
            // Only where 「担当者と話したい」 opens a case (DeskHandoff): elsewhere nothing is passed on.
            ["handoff"] = !hasDesk ? ""
                : $"「担当者と話したい」と送ると、それまでのお答えと診断結果、このチャットでのやりとりが{o.DisplayName}の相談窓口に届きます。" +
                  "担当者とのチャットの内容は、窓口の記録として残ります。連絡先（電話番号・メールアドレス）をお知らせいただいた場合は、" +
                  "そのご相談のご連絡にだけ使い、ご相談が終わると消去します。",
        });
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    private static string Retention(TimeSpan retention) => retention <= TimeSpan.Zero
        ? "お答えと診断結果は、削除のご依頼があるまで保存します。"
        : $"お答えと診断結果は、最後のご利用から{retention.TotalDays.ToString("0", CultureInfo.InvariantCulture)}日たつと自動で削除します。";

    private static string Hours(TimeSpan span) => span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Contact(TenantOptions o)
    {
        string? ways = o.SupportDesk.ContactLine();
        if (string.IsNullOrEmpty(o.SupportDesk.Name) && ways is null)
            return "削除のご依頼やご質問は、このサイトを運営している方にお寄せください。";
        string who = o.SupportDesk.Name is { Length: > 0 } deskName ? $"{o.DisplayName}（{deskName}）" : o.DisplayName;
        return ways is null
            ? $"削除のご依頼やご質問は、{who}までお寄せください。"
            : $"削除のご依頼やご質問は、{who}までお寄せください：{ways}";
    }
}
