using System.Globalization;
using Mamori.Desk.Cases;
using Mamori.Host.Tenants;

namespace Mamori.Host.Desk.Notices;

/// <summary>
/// What the desk is told when a case waits, in Japanese: enough to recognise the owner's call (受付番号, time, channel,
/// how far the diagnosis got) and the way to the case sheet; the answers themselves stay behind the console's login.
/// </summary>
internal sealed record DeskNotice(string TenantId, IReadOnlyList<string> Emails, string? WebhookUrl, string Subject, string Body)
{
    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    public static DeskNotice For(Tenant tenant, DeskCase opened, string? consoleBaseUrl)
    {
        string reference = CaseReference.Of(opened.Id);
        string when = opened.OpenedAt.ToOffset(JapanOffset).ToString("yyyy年M月d日 H:mm", CultureInfo.InvariantCulture);
        string diagnosis = opened.Snapshot.Diagnosis is { } d
            ? $"診断は終わっています：{d.Text}"
            : $"診断の途中です（{opened.Snapshot.Answers.Count}問にお答えいただいています）。";
        string where = consoleBaseUrl is { Length: > 0 } site
            ? $"相談の内容：{site.TrimEnd('/')}/desk?ref={reference}"
            : "相談の内容は、デスクの画面（/desk）で受付番号を検索してご覧ください。";
        string body = string.Join("\n",
            $"{tenant.Options.DisplayName}に、まもりからご相談が届きました。",
            "",
            $"受付番号：{reference}",
            $"受付日時：{when}（日本時間）",
            $"経路：{ChannelNames.Japanese(opened.Channel)}",
            $"きっかけ：{opened.Reason}",
            diagnosis,
            "",
            "お客さまには、受付番号とこの窓口の連絡先をお伝えしています。ご連絡があったら、受付番号で相談の内容をご確認ください。",
            where);
        return new DeskNotice(tenant.Id, tenant.Options.SupportDesk.NoticeEmails, tenant.Options.SupportDesk.NoticeWebhookUrl,
            $"【まもり】新しいご相談（受付番号 {reference}）", body);
    }
}
