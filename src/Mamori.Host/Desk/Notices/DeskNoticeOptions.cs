using System.ComponentModel.DataAnnotations;

namespace Mamori.Host.Desk.Notices;

/// <summary>
/// How a desk hears of a new case (Desk:Notices): the mail server every tenant's notices go through, and the public
/// address of the console for the link. Which addresses and which webhook a tenant's notices go to are tenant settings
/// (Tenants:&lt;id&gt;:SupportDesk:NoticeEmails, NoticeWebhookUrl).
/// </summary>
public sealed class DeskNoticeOptions
{
    public const string Section = "Desk:Notices";

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>The host's public https address (https://mamori.example.jp/): the notice links to the case there. Unset: no link.</summary>
    public string? ConsoleBaseUrl { get; set; }

    /// <summary>Notices waiting to be sent; beyond it a notice is dropped and logged (the case itself is kept).</summary>
    [Range(1, 100_000)]
    public int MaxPending { get; set; } = 1000;

    /// <summary>Tries per notice, a few seconds apart, when the mail server or the webhook fails.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}

public sealed class SmtpSettings
{
    /// <summary>Unset: no email notices at all.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>StartTls (port 587), SslOnConnect (465), or None, which is accepted only for a server on this machine.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? User { get; set; }

    public string? Password { get; set; }

    [EmailAddress]
    public string? From { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}

public enum SmtpSecurity
{
    StartTls,
    SslOnConnect,
    None,
}
