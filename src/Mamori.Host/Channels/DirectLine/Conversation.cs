using System.Globalization;
using System.Text.Json;
using Mamori.Host.Channels.DirectLine.Storage;
using System.Threading.Channels;
using System.Threading.RateLimiting;
using Mamori.Core.Dialogs;
using Mamori.Host.Channels.DirectLine.Wire;
using Mamori.Host.Channels.Activities;
using Mamori.Host.Channels.Rendering;

namespace Mamori.Host.Channels.DirectLine;

/// <summary>
/// One Direct Line conversation as this host holds it: the transcript (the watermark is its length), the one live
/// WebSocket, and the inbox of user turns waiting for the bot. Every change is stored (<see cref="IDirectLineStore"/>)
/// before anyone can see it, by one writer at a time on this host, so the echo of a user's activity is always in the
/// transcript before the bot's reply to it, and what a client has read survives a restart. Other hosts may write the
/// same conversation: what they stored is read back (<see cref="CatchUpAsync"/>) when one of them says so, when a write
/// finds its index taken, and when the store's inbox holds turns this copy does not (the pump could not give up its lease).
/// </summary>
public sealed class Conversation : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly List<Activity> _transcript = [];
    private readonly List<InboxTurn> _inbox = [];
    private readonly IDirectLineStore _store;
    private readonly TimeProvider _clock;
    private StreamSubscription? _subscriber;
    private bool _pumping;
    private bool _pumpAgain;
    private long _postedBytes;

    private Conversation(ConversationKey key, string userId, Uri publicBase, TokenBucketRateLimiter limiter, IDirectLineStore store, TimeProvider clock)
    {
        Key = key;
        UserId = userId;
        PublicBase = publicBase;
        Limiter = limiter;
        _store = store;
        _clock = clock;
        LastTouched = StoredTouch = clock.GetUtcNow();
    }

    /// <summary>A conversation as the store holds it (just created, or read back with the turns it accepted and never answered).</summary>
    public Conversation(StoredDirectLineConversation stored, TokenBucketRateLimiter limiter, IDirectLineStore store, TimeProvider clock)
        : this(stored.Key, stored.UserId, stored.PublicBase, limiter, store, clock) =>
        Take(new TranscriptTail(stored.Transcript, stored.PostedBytes, stored.Inbox));

    public ConversationKey Key { get; }
    public string Id => Key.ConversationId;
    public string UserId { get; }

    /// <summary>Scheme and host the conversation was started on: absolute links to pictures and reports use it.</summary>
    public Uri PublicBase { get; }

    public ReplyAudience Audience => new(Key, UserId, PublicBase);

    public TokenBucketRateLimiter Limiter { get; }

    /// <summary>The last picture the bot sent, with its URL: the engine may send the stage picture and the result card in separate replies.</summary>
    public PublishedImage? LastPicture { get; set; }
    public DateTimeOffset LastTouched { get; private set; }

    /// <summary>The last use the store knows of; the idle sweep writes <see cref="LastTouched"/> when it is much later.</summary>
    internal DateTimeOffset StoredTouch { get; set; }

    public int Watermark
    {
        get { lock (_gate) return _transcript.Count; }
    }

    public void Touch() => LastTouched = _clock.GetUtcNow();

    /// <summary>The id of the activity at <paramref name="index"/>: a turn's echo, which the bot's replies name as replyToId.</summary>
    public string ActivityIdAt(int index) => $"{Id}|{index.ToString("D7", CultureInfo.InvariantCulture)}";

    /// <summary>Reads what other hosts stored since this host's watermark, and pushes it to the live socket.</summary>
    public async Task CatchUpAsync(CancellationToken ct = default)
    {
        await _writer.WaitAsync(ct);
        try
        {
            await CatchUpLockedAsync(ct);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Stores activities, gives them the server id and time, and pushes them to the live socket.</summary>
    public Task AppendAsync(Activity activity, CancellationToken ct = default) => AppendAsync([activity], answered: null, ct);

    /// <summary>
    /// Stores the bot's reply to a turn and, in the same transaction, takes the turn off the inbox
    /// (<paramref name="answered"/>: its echo index, or <see cref="InboxTurn.StartTurn"/>).
    /// </summary>
    public async Task AppendAsync(IReadOnlyList<Activity> activities, int? answered, CancellationToken ct = default)
    {
        await _writer.WaitAsync(ct);
        try
        {
            while (true)
            {
                int first = Watermark;
                var bodies = new ReadOnlyMemory<byte>[activities.Count];
                for (int i = 0; i < activities.Count; i++)
                    bodies[i] = Stamp(activities[i], first + i);
                try
                {
                    await _store.AppendAsync(Id, first, bodies, answered, ct);
                    break;
                }
                catch (TranscriptConflictException)
                {
                    // Another host wrote first: this reply goes after what it wrote.
                    if (await CatchUpLockedAsync(ct) == 0)
                        throw;
                }
            }
            lock (_gate)
            {
                if (answered is { } echo)
                    _inbox.RemoveAll(turn => turn.EchoIndex == echo);
                foreach (var activity in activities)
                    Publish(activity);
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Typing indicators go to the live socket only; they are not part of the transcript (as in Azure's service).</summary>
    public void Broadcast(Activity transient)
    {
        lock (_gate)
            _subscriber?.TryPush(new ActivitySet([transient], null));
    }

    /// <summary>
    /// Stores the user's activity and its turn (the inbox): what was accepted is answered even after a crash. Refuses when
    /// too many turns are waiting, or when the client's posts to this conversation would exceed
    /// <paramref name="maxPostedBytes"/> in all.
    /// </summary>
    public async Task<Acceptance> AcceptAsync(
        Activity echo, PendingTurn? turn, int bytes, int maxPending, long maxPostedBytes, CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        try
        {
            InboxTurn? queued;
            while (true)
            {
                if (_postedBytes + bytes > maxPostedBytes)
                    return Acceptance.ConversationFull;
                int index;
                lock (_gate)
                {
                    if (turn is not null && _inbox.Count(t => !t.IsStart) >= maxPending)
                        return Acceptance.Busy;
                    index = _transcript.Count;
                }
                var body = Stamp(echo, index);
                queued = turn is null ? null : new InboxTurn(index, turn.UserId, turn.Text, turn.ChannelId);
                try
                {
                    await _store.AcceptAsync(Id, index, body, _postedBytes + bytes, queued, ct);
                    break;
                }
                catch (TranscriptConflictException)
                {
                    // Another host wrote first: the limits are checked again against what it wrote, then the echo goes after it.
                    if (await CatchUpLockedAsync(ct) == 0)
                        throw;
                }
            }
            _postedBytes += bytes;
            lock (_gate)
            {
                Publish(echo);
                if (queued is not null)
                    _inbox.Add(queued);
            }
            return Acceptance.Accepted;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>True when the caller is to run this host's one pump; when one runs already, it is asked to look again before it stops.</summary>
    public bool TryStartPumping()
    {
        lock (_gate)
        {
            if (_pumping)
            {
                _pumpAgain = true;
                return false;
            }
            _pumping = true;
            _pumpAgain = false;
            return true;
        }
    }

    /// <summary>The pump is about to read the inbox: turns accepted so far on this host will be seen by that read.</summary>
    public void PumpLooking()
    {
        lock (_gate)
            _pumpAgain = false;
    }

    /// <summary>Ends this host's pump; true when a turn was accepted here after the pump last looked (run it again).</summary>
    public bool StopPumping()
    {
        lock (_gate)
        {
            _pumping = false;
            return _pumpAgain;
        }
    }

    /// <summary>The oldest turn this host knows to be unanswered (the greeting first).</summary>
    public InboxTurn? NextTurn()
    {
        lock (_gate)
            return _inbox.Count == 0 ? null : _inbox.MinBy(turn => turn.EchoIndex);
    }

    public ActivitySet Since(int watermark, int max = 500)
    {
        lock (_gate)
        {
            int from = Math.Clamp(watermark, 0, _transcript.Count);
            int count = Math.Min(max, _transcript.Count - from);
            var page = _transcript.GetRange(from, count);
            return new ActivitySet(page, (from + count).ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// Opens the live feed from a watermark. A second socket replaces the first (one socket per conversation), and the
    /// backlog is taken under the same lock as new activities, so nothing falls between the two.
    /// </summary>
    public StreamSubscription Subscribe(int watermark)
    {
        lock (_gate)
        {
            _subscriber?.Replace();
            var subscription = new StreamSubscription(this);
            if (watermark < _transcript.Count)
                subscription.TryPush(Since(watermark));
            _subscriber = subscription;
            return subscription;
        }
    }

    internal void Unsubscribe(StreamSubscription subscription)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_subscriber, subscription))
                _subscriber = null;
        }
    }

    public void Dispose()
    {
        lock (_gate)
            _subscriber?.Replace();
        Limiter.Dispose();
    }

    /// <summary>Returns how many activities were new (none after a conflict means the conflict was not another writer's).</summary>
    private async Task<int> CatchUpLockedAsync(CancellationToken ct)
    {
        if (await _store.ReadSinceAsync(Id, Watermark, ct) is not { } tail)
            return 0;
        Take(tail);
        return tail.Activities.Count;
    }

    /// <summary>What the store holds beyond this host's copy: new activities published, the inbox and posted total replaced.</summary>
    private void Take(TranscriptTail tail)
    {
        lock (_gate)
        {
            foreach (var json in tail.Activities)
            {
                Publish(JsonSerializer.Deserialize(json, DirectLineJson.Default.Activity)
                    ?? throw new InvalidDataException($"Direct Line conversation '{Id}': activity {_transcript.Count} is null."));
            }
            _inbox.Clear();
            _inbox.AddRange(tail.Inbox);
            _postedBytes = tail.PostedBytes;
        }
    }

    /// <summary>Gives an activity its place (id = conversation and index) and time, and returns the JSON as it will be served.</summary>
    private byte[] Stamp(Activity activity, int index)
    {
        activity.Id = ActivityIdAt(index);
        activity.Timestamp = _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        activity.Conversation = new ConversationAccount { Id = Id };
        return JsonSerializer.SerializeToUtf8Bytes(activity, DirectLineJson.Default.Activity);
    }

    private void Publish(Activity activity)
    {
        _transcript.Add(activity);
        LastTouched = _clock.GetUtcNow();
        _subscriber?.TryPush(new ActivitySet([activity], _transcript.Count.ToString(CultureInfo.InvariantCulture)));
    }
}

public enum Acceptance
{
    Accepted,
    /// <summary>Too many of the user's turns wait for the bot: retry shortly.</summary>
    Busy,
    /// <summary>The conversation holds all the client may post to it: start a new one.</summary>
    ConversationFull,
}

/// <summary>A user message to queue for the bot with its echo.</summary>
public sealed record PendingTurn(string UserId, string Text, string ChannelId);

/// <summary>The live feed of one WebSocket. Bounded, so a client that stops reading cannot grow memory without end.</summary>
public sealed class StreamSubscription(Conversation conversation) : IDisposable
{
    private readonly Channel<ActivitySet> _frames = Channel.CreateBounded<ActivitySet>(
        new BoundedChannelOptions(1000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<ActivitySet> Frames => _frames.Reader;

    /// <summary>True when a newer socket took over; the old one is closed with reason "collision".</summary>
    public bool Replaced { get; private set; }

    internal bool TryPush(ActivitySet set)
    {
        if (_frames.Writer.TryWrite(set))
            return true;
        // The client is too far behind: close it; it reconnects with its watermark and catches up from the transcript.
        _frames.Writer.TryComplete();
        return false;
    }

    internal void Replace()
    {
        Replaced = true;
        _frames.Writer.TryComplete();
    }

    public void Dispose()
    {
        _frames.Writer.TryComplete();
        conversation.Unsubscribe(this);
    }
}
