using System.ComponentModel.DataAnnotations;

namespace Mamori.Host.Channels.BotFramework.Connector;

/// <summary>How replies through the Bot Connector are retried.</summary>
public sealed class ConnectorOptions
{
    public const string Section = "BotFramework:Connector";

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; doubled each time, with jitter, unless the Connector says when (Retry-After).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait before one retry, whatever Retry-After says.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
