using System.ComponentModel.DataAnnotations;

namespace Mamori.Desk.Storage;

/// <summary>Where the desk keeps its cases and accounts. With nothing configured: a SQLite file under data/.</summary>
public sealed class DeskStoreOptions
{
    public const string Section = "Mamori:Desk";

    /// <summary>The SQLite file; a relative path is taken from the content root, like <c>Mamori:State:SqlitePath</c>. The folder is created if missing.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Mamori:Desk:SqlitePath must name the desk's SQLite file (default data/mamori-desk.db).")]
    public string SqlitePath { get; set; } = "data/mamori-desk.db";
}
