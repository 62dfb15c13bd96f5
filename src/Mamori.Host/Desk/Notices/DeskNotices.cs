using System.Net.Http.Json;
using System.Threading.Channels;
using MailKit.Net.Smtp;
using MailKit.Security;
using Mamori.Desk.Cases;
using Mamori.Host.Tenants;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Mamori.Host.Desk.Notices;

/// <summary>
/// Tells a tenant's desk that a case waits, by email (MailKit, through the host's mail server) and/or an incoming
/// webhook, in the background: the owner's turn never waits for a mail server, and a failed notice is tried again a
/// few times, then logged. The case is in the store either way; the notice only makes sure somebody looks.
/// </summary>
internal sealed partial class DeskNotices(
    IHttpClientFactory httpClients, IOptions<DeskNoticeOptions> options, ILogger<DeskNotices> logger)
    : BackgroundService
{
    public const string WebhookClient = "desk-webhook";

    private readonly Channel<DeskNotice> _pending = Channel.CreateBounded<DeskNotice>(
        new BoundedChannelOptions(options.Value.MaxPending) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Queues the notice of a new case, if the tenant has anyone to tell.</summary>
    public void CaseOpened(Tenant tenant, DeskCase opened)
    {
        var notice = DeskNotice.For(tenant, opened, options.Value.ConsoleBaseUrl);
        bool mail = options.Value.Smtp.IsConfigured && notice.Emails.Count > 0;
        if (!mail && notice.WebhookUrl is null)
            return;
        if (!_pending.Writer.TryWrite(notice))
            Dropped(logger, tenant.Id);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var notice in _pending.Reader.ReadAllAsync(stoppingToken))
                await SendAsync(notice, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down: the cases are stored; the desk sees them in the console.
        }
    }

    private async Task SendAsync(DeskNotice notice, CancellationToken ct)
    {
        if (options.Value.Smtp.IsConfigured && notice.Emails.Count > 0)
            await TryAsync(notice.TenantId, "email", () => MailAsync(notice, ct), ct);
        if (notice.WebhookUrl is { } url)
            await TryAsync(notice.TenantId, "webhook", () => PostAsync(url, notice, ct), ct);
    }

    private async Task TryAsync(string tenantId, string how, Func<Task> send, CancellationToken ct)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await send();
                Sent(logger, tenantId, how);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                if (attempt >= options.Value.MaxAttempts)
                {
                    Failed(logger, ex, tenantId, how, attempt);
                    return;
                }
                await Task.Delay(options.Value.RetryDelay * attempt, ct);
            }
        }
    }

    private async Task MailAsync(DeskNotice notice, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From!));
        foreach (string to in notice.Emails)
            message.To.Add(MailboxAddress.Parse(to));
        message.Subject = notice.Subject;
        message.Body = new TextPart("plain") { Text = notice.Body };

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host!, smtp.Port, Security(smtp), ct);
        if (!string.IsNullOrEmpty(smtp.User))
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    // Mail goes out encrypted; plain SMTP only to a relay on this machine (a local Postfix, or a test server).
    private static SecureSocketOptions Security(SmtpSettings smtp) => smtp.Security switch
    {
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None when IsLoopback(smtp.Host!) => SecureSocketOptions.None,
        SmtpSecurity.None => throw new InvalidOperationException($"Desk:Notices:Smtp:Security None is allowed only for a mail server on this machine, not '{smtp.Host}'."),
        _ => SecureSocketOptions.StartTls,
    };

    private static bool IsLoopback(string host) =>
        host is "localhost" || (System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address));

    private async Task PostAsync(string url, DeskNotice notice, CancellationToken ct)
    {
        using var response = await httpClients.CreateClient(WebhookClient).PostAsJsonAsync(url, new WebhookText($"{notice.Subject}\n\n{notice.Body}"), ct);
        response.EnsureSuccessStatusCode();
    }

    private sealed record WebhookText(string Text);

    [LoggerMessage(1, LogLevel.Information, "Told the desk of tenant {TenantId} of a new case by {How}.")]
    private static partial void Sent(ILogger logger, string tenantId, string how);

    [LoggerMessage(2, LogLevel.Error, "Could not tell the desk of tenant {TenantId} of a new case by {How} after {Attempts} tries; the case waits in the console.")]
    private static partial void Failed(ILogger logger, Exception exception, string tenantId, string how, int attempts);

    [LoggerMessage(3, LogLevel.Warning, "Too many desk notices waiting; the notice of a new case of tenant {TenantId} was dropped (the case waits in the console).")]
    private static partial void Dropped(ILogger logger, string tenantId);
}
