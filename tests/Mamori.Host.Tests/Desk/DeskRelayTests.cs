using Mamori.Host.Desk.Live;
using Mamori.Storage.Postgres.Notices;
using Mamori.Tests.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Mamori.Host.Tests.Desk;

/// <summary>Two hosts on one PostgreSQL: a desk's console on either hears what happens on the other, and presence counts on both.</summary>
public sealed class DeskRelayTests
{
    [PostgresFact]
    public async Task A_message_written_on_one_host_reaches_a_console_on_the_other_once_and_is_not_echoed_back()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var (eventsA, _) = await StartAsync(database, stop.Token);
        var (eventsB, _) = await StartAsync(database, stop.Token);
        using var consoleA = eventsA.Listen("chamber");
        using var consoleB = eventsB.Listen("chamber");
        using var otherDesk = eventsB.Listen("other");

        // Until both relays listen: a first event may go out before the other host's LISTEN.
        DeskEvent heard;
        long sequence = 0;
        do
        {
            eventsA.Publish(new DeskEvent("chamber", "case-1", DeskEventKind.Message, ++sequence));
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
            wait.CancelAfter(TimeSpan.FromMilliseconds(500));
            try
            {
                heard = await consoleB.Events.ReadAsync(wait.Token);
                break;
            }
            catch (OperationCanceledException) when (!stop.IsCancellationRequested)
            {
            }
        }
        while (true);

        Assert.Equal(("chamber", "case-1", DeskEventKind.Message), (heard.TenantId, heard.CaseId, heard.Kind));
        Assert.True(heard.FromAnotherHost);
        await Task.Delay(500, stop.Token);
        // A's own console got each event once, from A; B's relay did not send them back; another desk heard nothing.
        var onA = Drain(consoleA);
        Assert.Equal(sequence, onA.Count);
        Assert.All(onA, e => Assert.False(e.FromAnotherHost));
        Assert.Empty(Drain(otherDesk));
        await stop.CancelAsync();   // the relays stop with their "hosts"
    }

    [PostgresFact]
    public async Task Someone_at_the_console_on_one_host_makes_the_desk_present_on_the_other()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var (_, presenceA) = await StartAsync(database, stop.Token);
        var (_, presenceB) = await StartAsync(database, stop.Token);
        Assert.False(presenceB.IsPresent("chamber"));

        using var console = presenceA.Connected("chamber");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!presenceB.IsPresent("chamber"))
        {
            Assert.True(DateTime.UtcNow < deadline, "host B should learn within seconds that someone is at the chamber's console on host A");
            await Task.Delay(100, stop.Token);
        }
        Assert.False(presenceB.IsPresent("other"));
        await stop.CancelAsync();
    }

    [PostgresFact]
    public async Task Someone_who_stays_at_the_console_keeps_the_desk_present_on_the_other_host_past_the_two_minute_window()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var clockA = new FakeTimeProvider();
        var clockB = new FakeTimeProvider();
        var (eventsA, presenceA) = await StartAsync(database, stop.Token, clockA);
        var (eventsB, presenceB) = await StartAsync(database, stop.Token, clockB);
        using (var consoleB = eventsB.Listen("chamber"))
            await UntilHeardAsync(eventsA, consoleB, stop.Token);   // B listens: from here on every telling reaches it

        using var console = presenceA.Connected("chamber");
        clockA.Advance(TimeSpan.FromSeconds(2));   // A's relay looks, and tells once
        await UntilAsync(() => presenceB.IsPresent("chamber"), stop.Token);
        clockB.Advance(TimeSpan.FromMinutes(2));   // on B that telling has run out ...
        Assert.False(presenceB.IsPresent("chamber"));

        clockA.Advance(TimeSpan.FromSeconds(28));  // A looks again and again, but told 28 s ago: not yet
        await Task.Delay(300, stop.Token);
        Assert.False(presenceB.IsPresent("chamber"));
        clockA.Advance(TimeSpan.FromSeconds(2));   // ... 30 s after it told, A tells again: B counts the desk present
        await UntilAsync(() => presenceB.IsPresent("chamber"), stop.Token);
        await stop.CancelAsync();
    }

    private static async Task<(DeskEvents Events, DeskPresence Presence)> StartAsync(TestDatabase database, CancellationToken ct, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        var events = new DeskEvents();
        var presence = new DeskPresence(clock);
        var relay = new PostgresDeskRelay(new PostgresNotices(database.DataSource, clock), events, presence, clock, NullLogger<PostgresDeskRelay>.Instance);
        await relay.StartAsync(ct);
        return (events, presence);
    }

    /// <summary>Publishes case events on one host until a console on the other hears one: its relay listens by then.</summary>
    private static async Task UntilHeardAsync(DeskEvents from, DeskEvents.Listener on, CancellationToken ct)
    {
        for (long sequence = 1; ; sequence++)
        {
            from.Publish(new DeskEvent("chamber", "case-1", DeskEventKind.Message, sequence));
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            wait.CancelAfter(TimeSpan.FromMilliseconds(500));
            try
            {
                await on.Events.ReadAsync(wait.Token);
                return;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
            }
        }
    }

    private static async Task UntilAsync(Func<bool> condition, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the other host should hear within seconds");
            await Task.Delay(50, ct);
        }
    }

    private static List<DeskEvent> Drain(DeskEvents.Listener listener)
    {
        var all = new List<DeskEvent>();
        while (listener.Events.TryRead(out var change))
            all.Add(change);
        return all;
    }
}
