using System.ComponentModel.DataAnnotations;

namespace Mamori.Host.Channels.DirectLine;

/// <summary>Settings of the Direct Line–compatible API under /v3/directline. Every default works with nothing configured.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "Channels:DirectLine";

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long a refreshed token keeps working after its refresh: requests already on their way, and the web page, which
    /// saves the newest token every few seconds for a reload, must not fail on it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RefreshedTokenGrace { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a streamUrl may be used to open the WebSocket (Direct Line asks clients to connect within 60 s).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan StreamUrlLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest accepted activity, serialized, in bytes (Direct Line's own limit is 256K).</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>Token bucket per conversation: burst size…</summary>
    [Range(1, 10_000)]
    public int RateLimitBurst { get; set; } = 10;

    /// <summary>…and tokens added back per second.</summary>
    [Range(1, 10_000)]
    public int RateLimitPerSecond { get; set; } = 3;

    /// <summary>User turns waiting for the bot in one conversation before further posts get 429.</summary>
    [Range(1, 10_000)]
    public int MaxPendingTurns { get; set; } = 20;

    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>
    /// What the client may post into one conversation in all, in bytes of JSON: a whole typed diagnosis is some tens of
    /// kilobytes, so the default leaves room to spare while a flood of events cannot hold the host's memory for hours.
    /// </summary>
    [Range(64 * 1024, 256 * 1024 * 1024)]
    public int MaxPostedBytesPerConversation { get; set; } = 2 * 1024 * 1024;

    /// <summary>
    /// How long one host keeps the right to answer a conversation's turns without renewing it (it renews every third of
    /// this while it works). With several hosts, the turns of a host that was killed are answered by another this long
    /// after; with the embedded file (one host) a restart answers them at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:03", "00:10:00")]
    public TimeSpan PumpLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A conversation nobody touched for this long is forgotten, in memory and in the store.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Tokens minted per minute per client address by the page/widget token endpoint.</summary>
    [Range(1, 100_000)]
    public int TokenMintsPerMinute { get; set; } = 30;

    /// <summary>Longest bubble of bot text before it is split at a paragraph or sentence (fits a phone screen).</summary>
    [Range(80, 5000)]
    public int MaxBubbleChars { get; set; } = 400;

    /// <summary>
    /// The SQLite file holding conversations, transcripts and accepted turns, so a restart loses none; a relative path is
    /// taken from the content root, like <c>Mamori:State:SqlitePath</c>.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string SqlitePath { get; set; } = "data/mamori-directline.db";

    /// <summary>Shown as the bot's name on activities.</summary>
    [Required, MinLength(1)]
    public string BotId { get; set; } = "mamori";
}
