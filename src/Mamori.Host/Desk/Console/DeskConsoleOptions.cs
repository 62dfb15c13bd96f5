using System.ComponentModel.DataAnnotations;

namespace Mamori.Host.Desk.Console;

/// <summary>The console's limits (Mamori:Desk:Console); the defaults suit a chamber's desk of a few people.</summary>
public sealed class DeskConsoleOptions
{
    public const string Section = "Mamori:Desk:Console";

    /// <summary>Sign-in attempts from one client address per minute (an office behind one router shares it).</summary>
    [Range(1, 10_000)]
    public int LoginsPerMinutePerAddress { get; set; } = 20;

    /// <summary>Sign-in attempts for one login of one tenant per minute, from anywhere.</summary>
    [Range(1, 10_000)]
    public int LoginsPerMinutePerAccount { get; set; } = 5;

    /// <summary>Wrong passwords in a row for one login before it is locked (for a minute, then twice as long each time).</summary>
    [Range(1, 100)]
    public int FailuresBeforeLockout { get; set; } = 10;

    /// <summary>The longest lock, in minutes.</summary>
    [Range(1, 24 * 60)]
    public int MaxLockoutMinutes { get; set; } = 60;

    /// <summary>A session ends after this long without a request (sliding).</summary>
    [Range(1, 24)]
    public int SessionHours { get; set; } = 8;

    /// <summary>How many recently closed or cancelled cases a supervisor sees in the list.</summary>
    [Range(0, 500)]
    public int RecentClosedShown { get; set; } = 20;
}
