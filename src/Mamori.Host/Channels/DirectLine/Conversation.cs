using System.Globalization;
using System.Threading.Channels;
using System.Threading.RateLimiting;
using Mamori.Core.Dialogs;
using Mamori.Host.Channels.DirectLine.Wire;
using Mamori.Host.Channels.Activities;
using Mamori.Host.Channels.Rendering;

namespace Mamori.Host.Channels.DirectLine;

/// <summary>
/// One Direct Line conversation: the transcript (the watermark is its length), the one live WebSocket, and the queue of
/// user turns waiting for the bot. Everything that changes state happens under one lock, so the echo of a user's
/// activity is always in the transcript before the bot's reply to it.
/// </summary>
public sealed class Conversation : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<Activity> _transcript = [];
    private readonly Queue<PendingTurn> _pending = new();
    private readonly TimeProvider _clock;
    private StreamSubscription? _subscriber;

    // Starts true: the greeting runs first, and the driver starts the pump for turns that arrived meanwhile.
    private bool _pumping = true;
    private long _postedBytes;

    public Conversation(ConversationKey key, string userId, Uri publicBase, TokenBucketRateLimiter limiter, TimeProvider clock)
    {
        Key = key;
        UserId = userId;
        PublicBase = publicBase;
        Limiter = limiter;
        _clock = clock;
        LastTouched = clock.GetUtcNow();
    }

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

    public int Watermark
    {
        get { lock (_gate) return _transcript.Count; }
    }

    public void Touch() => LastTouched = _clock.GetUtcNow();

    /// <summary>Stores an activity, gives it the server id and time, and pushes it to the live socket.</summary>
    public Activity Append(Activity activity)
    {
        lock (_gate)
        {
            AppendLocked(activity);
            return activity;
        }
    }

    /// <summary>Typing indicators go to the live socket only; they are not part of the transcript (as in Azure's service).</summary>
    public void Broadcast(Activity transient)
    {
        lock (_gate)
            _subscriber?.TryPush(new ActivitySet([transient], null));
    }

    /// <summary>
    /// Echoes the user's activity and queues the turn; refuses when too many turns are waiting, or when the client's
    /// posts to this conversation would exceed <paramref name="maxPostedBytes"/> in all.
    /// </summary>
    public Acceptance TryAccept(Activity echo, PendingTurn? turn, int bytes, int maxPending, long maxPostedBytes, out bool startPump)
    {
        lock (_gate)
        {
            startPump = false;
            if (_postedBytes + bytes > maxPostedBytes)
                return Acceptance.ConversationFull;
            if (turn is not null && _pending.Count >= maxPending)
                return Acceptance.Busy;
            _postedBytes += bytes;
            AppendLocked(echo);
            if (turn is not null)
            {
                _pending.Enqueue(turn with { EchoId = echo.Id! });
                if (!_pumping)
                    _pumping = startPump = true;
            }
            return Acceptance.Accepted;
        }
    }

    /// <summary>Next waiting turn for the one pump of this conversation; false ends the pump.</summary>
    public bool TryTakeTurn(out PendingTurn turn)
    {
        lock (_gate)
        {
            if (_pending.TryDequeue(out turn!))
                return true;
            _pumping = false;
            return false;
        }
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

    private void AppendLocked(Activity activity)
    {
        activity.Id = $"{Id}|{_transcript.Count.ToString("D7", CultureInfo.InvariantCulture)}";
        activity.Timestamp = _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        activity.Conversation = new ConversationAccount { Id = Id };
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

/// <summary>A user message waiting for the bot; <see cref="EchoId"/> becomes the replies' replyToId.</summary>
public sealed record PendingTurn(string UserId, string Text, string ChannelId, string EchoId = "");

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
