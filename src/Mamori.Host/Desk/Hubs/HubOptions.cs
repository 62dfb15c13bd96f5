using System.ComponentModel.DataAnnotations;

namespace Mamori.Host.Desk.Hubs;

/// <summary>The "Desk:Hub" section: how long a contact-centre hub may keep a conversation without a word from it.</summary>
public sealed class HubOptions
{
    public const string Section = "Desk:Hub";

    /// <summary>
    /// After this long without handoff.status completed or failed the bot answers the owner again: a hub that lost the
    /// conversation must not leave the owner talking to nobody.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan MaxHold { get; set; } = TimeSpan.FromHours(8);
}
