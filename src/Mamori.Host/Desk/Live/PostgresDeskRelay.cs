using System.Text.Json;
using Mamori.Storage.Postgres.Notices;

namespace Mamori.Host.Desk.Live;

/// <summary>
/// With several hosts on one database (<c>Storage:Provider</c> = postgres): a desk's console connected to one host hears
/// of cases and messages written on another, and an owner on any host is told a person is there when someone is at the
/// console on any of them. Events are hints (a console reads the case from the shared store), so one lost while a host
/// was away loses nothing; presence is told again every <see cref="PresenceRepeat"/>, well within its two-minute window.
/// Both are measured on the host's <see cref="TimeProvider"/>, the clock <see cref="DeskPresence"/> keeps that window by,
/// so the repeat stays within it whatever the clock.
/// </summary>
internal sealed class PostgresDeskRelay(PostgresNotices notices, DeskEvents events, DeskPresence presence, TimeProvider clock, ILogger<PostgresDeskRelay> logger)
    : BackgroundService
{
    public const string Channel = "mamori_desk";

    private static readonly TimeSpan PresenceLook = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PresenceRepeat = TimeSpan.FromSeconds(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(SendEventsAsync(stoppingToken), ReceiveAsync(stoppingToken), SendPresenceAsync(stoppingToken));

    private async Task SendEventsAsync(CancellationToken ct)
    {
        using var all = events.ListenAll();
        try
        {
            await foreach (var change in all.Events.ReadAllAsync(ct))
            {
                if (!change.FromAnotherHost)
                    await SendAsync(new Notice(change.TenantId, change.CaseId, change.Kind, change.Sequence), ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Host shutting down.
        }
    }

    /// <summary>Tells the others as soon as someone comes to a console here, and again while they stay.</summary>
    private async Task SendPresenceAsync(CancellationToken ct)
    {
        var told = new Dictionary<string, long>(StringComparer.Ordinal);   // when each desk was last told, as a timestamp
        using var timer = new PeriodicTimer(PresenceLook, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                long now = clock.GetTimestamp();
                foreach (string tenant in presence.PresentHere())
                {
                    if (told.TryGetValue(tenant, out long at) && clock.GetElapsedTime(at, now) < PresenceRepeat)
                        continue;
                    await SendAsync(new Notice(tenant, null, null, 0), ct);
                    told[tenant] = now;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Host shutting down.
        }
    }

    private async Task ReceiveAsync(CancellationToken ct)
    {
        try
        {
            await foreach (string? message in notices.ListenAsync(Channel, ct))
            {
                // Null (some may be lost) needs nothing: consoles read the store, presence is told again.
                if (message is null || Parse(message) is not { } notice)
                    continue;
                if (notice.CaseId is { } caseId && notice.Kind is { } kind)
                    events.Publish(new DeskEvent(notice.TenantId, caseId, kind, notice.Sequence) { FromAnotherHost = true });
                else
                    presence.SeenElsewhere(notice.TenantId);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Host shutting down.
        }
    }

    private async Task SendAsync(Notice notice, CancellationToken ct)
    {
        try
        {
            await notices.NotifyAsync(Channel, JsonSerializer.Serialize(notice, JsonSerializerOptions.Web), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database is away: the other hosts' consoles read the store when they next hear, presence is told again.
            DeskRelayLog.SendFailed(logger, ex);
        }
    }

    private static Notice? Parse(string message)
    {
        try
        {
            return JsonSerializer.Deserialize<Notice>(message, JsonSerializerOptions.Web) is { TenantId.Length: > 0 } notice ? notice : null;
        }
        catch (JsonException)
        {
            return null;   // from a newer or older host version: ignored
        }
    }

    /// <summary>A case event (with a case id and kind), or "someone is at this desk's console" (without).</summary>
    private sealed record Notice(string TenantId, string? CaseId, DeskEventKind? Kind, long Sequence);
}

internal static partial class DeskRelayLog
{
    [LoggerMessage(1, LogLevel.Warning, "Could not tell the other hosts about a desk event or presence (the database failed).")]
    public static partial void SendFailed(ILogger logger, Exception exception);
}
