using System.ComponentModel.DataAnnotations;

namespace Mamori.Host.Privacy;

/// <summary>How long Mamori keeps what people told it (Privacy); the privacy page states the same figure.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Conversations and users not saved for this long are deleted (checked every few hours); zero keeps them.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan StateRetention { get; set; } = TimeSpan.FromDays(365);
}
