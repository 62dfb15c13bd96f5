using System.Security.Cryptography;
using System.Threading.Channels;
using Npgsql;

namespace Mamori.Storage.Postgres.Notices;

/// <summary>
/// Short notices between the hosts on one database (PostgreSQL's LISTEN/NOTIFY): each host hears the others' notices on
/// a channel, never its own. Notices are hints that something changed, not data: one may be lost (a host that was not
/// listening for a while), so after every (re)connect and whenever the reader fell behind the listener yields null,
/// meaning "look at everything you hold".
/// </summary>
/// <param name="clock">Measures how long the listening connection has been quiet (<see cref="TimeProvider.GetTimestamp"/>:
/// monotonic, so a change of the system's time neither delays the check nor runs it early). The waits themselves
/// (<see cref="NpgsqlConnection.Wait(int)"/>, the pause before reconnecting) are on the socket and the thread, in real time.</param>
public sealed class PostgresNotices(NpgsqlDataSource database, TimeProvider clock)
{
    /// <summary>How often the listening connection is checked while nothing arrives, so a dead one is replaced.</summary>
    private static readonly TimeSpan ListenCheck = TimeSpan.FromSeconds(30);

    /// <summary>This host among those on the database: a notice names its sender, so no host hears its own.</summary>
    public string Host { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    /// <summary>The notice as a statement of the caller's batch: sent only if the batch (one transaction) commits.</summary>
    public NpgsqlBatchCommand NotifyCommand(string channel, string message) => new("SELECT pg_notify($1, $2)")
    {
        Parameters = { new NpgsqlParameter { Value = channel }, new NpgsqlParameter { Value = Host + "|" + message } },
    };

    public async Task NotifyAsync(string channel, string message, CancellationToken ct)
    {
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(NotifyCommand(channel, message));
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The other hosts' messages on <paramref name="channel"/> (a plain identifier) as they come; null: some may have been missed.</summary>
    public IAsyncEnumerable<string?> ListenAsync(string channel, CancellationToken ct)
    {
        var messages = Channel.CreateBounded<string?>(new BoundedChannelOptions(10_000) { SingleReader = true });
        new Thread(() => Listen(channel, messages.Writer, ct)) { IsBackground = true, Name = "PostgreSQL notices: " + channel }.Start();
        return messages.Reader.ReadAllAsync(ct);
    }

    /// <summary>On a thread of its own: Npgsql delivers notices while its connection waits (<see cref="NpgsqlConnection.Wait(int)"/>).</summary>
    private void Listen(string channel, ChannelWriter<string?> messages, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    ListenOnce(channel, messages, ct);
                }
                catch (Exception ex) when (ex is not ObjectDisposedException && !ct.IsCancellationRequested)
                {
                    // The database is away (or restarted): listen again in a moment.
                    Thread.Sleep(TimeSpan.FromSeconds(2));
                }
            }
        }
        catch (Exception)
        {
            // The host is going (its data source was disposed): an exception on this thread would end the process.
        }
        finally
        {
            messages.TryComplete();
        }
    }

    private void ListenOnce(string channel, ChannelWriter<string?> messages, CancellationToken ct)
    {
        bool missed = false;
        using var connection = database.OpenConnection();
        connection.Notification += (_, notice) =>
        {
            int bar = notice.Payload.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0 && notice.Payload.AsSpan(0, bar).SequenceEqual(Host))
                return;
            if (!messages.TryWrite(notice.Payload[(bar + 1)..]))
                missed = true;
        };
        using (var listen = new NpgsqlCommand($"LISTEN {channel}", connection))
            listen.ExecuteNonQuery();
        // Anything sent while this host was not listening (on its first start there is nothing to catch up, which is cheap).
        missed = true;
        long checkedAt = clock.GetTimestamp();
        while (!ct.IsCancellationRequested)
        {
            if (missed && messages.TryWrite(null))
                missed = false;
            if (connection.Wait(1000))
                continue;
            if (clock.GetElapsedTime(checkedAt) > ListenCheck)
            {
                using var alive = new NpgsqlCommand("SELECT 1", connection);
                alive.ExecuteScalar();
                checkedAt = clock.GetTimestamp();
            }
        }
    }
}
