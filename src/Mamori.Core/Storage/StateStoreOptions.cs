using System.ComponentModel.DataAnnotations;

namespace Mamori.Core.Storage;

/// <summary>Where conversation and user state live. With nothing configured: a SQLite file under data/.</summary>
public sealed class StateStoreOptions
{
    public const string Section = "Mamori:State";

    /// <summary><c>sqlite</c> (default, survives restarts) or <c>memory</c> (tests and benchmarks only: lost on exit).</summary>
    [RegularExpression("^(sqlite|memory)$", ErrorMessage = "Mamori:State:Provider must be 'sqlite' or 'memory'.")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>The SQLite file; a relative path is taken from the content root (<see cref="ContentRoot.Resolve"/>). The folder is created if missing.</summary>
    [Required(AllowEmptyStrings = false)]
    public string SqlitePath { get; set; } = "data/mamori-state.db";

    /// <summary>How many times a turn is re-applied when another turn saved the same conversation first.</summary>
    [Range(1, 100)]
    public int MaxSaveAttempts { get; set; } = 10;
}
