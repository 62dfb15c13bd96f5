using System.ComponentModel.DataAnnotations;

namespace Mamori.Core.Evidence;

/// <summary>The anonymised statistics (domain.md §8): where they are kept, for how long, and the salt of their hashes.</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Mamori:Evidence";

    /// <summary>False: nothing is recorded (the dashboard shows nothing).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The SQLite file; a relative path is taken from the content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string SqlitePath { get; set; } = "data/mamori-evidence.db";

    /// <summary>
    /// The secret mixed into every company and conversation hash (≥ 32 characters). Unset: one is generated once into
    /// <see cref="SaltPath"/>; either way it is never committed, so the hashes cannot be recomputed from channel ids elsewhere.
    /// </summary>
    [MinLength(32, ErrorMessage = "Mamori:Evidence:Salt must be at least 32 characters.")]
    public string? Salt { get; set; }

    public string SaltPath { get; set; } = "data/evidence-salt";

    /// <summary>Diagnoses recorded longer ago than this are deleted with what followed them (checked every six hours).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "Mamori:Evidence:Retention must be between 1 and 3650 days.")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(3 * 365);
}
