using System.ComponentModel.DataAnnotations;
using Npgsql;

namespace Mamori.Host.Storage;

/// <summary>Where everything that must outlive the process is kept: SQLite files under data/ (default) or PostgreSQL.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    /// <summary>The name under <c>ConnectionStrings</c>.</summary>
    public const string ConnectionStringName = "Mamori";

    /// <summary><c>sqlite</c> (default: files under data/, one instance) or <c>postgres</c> (<c>ConnectionStrings:Mamori</c>, several instances).</summary>
    [RegularExpression("^(sqlite|postgres)$", ErrorMessage = "Storage:Provider must be 'sqlite' (the default) or 'postgres'.")]
    public string Provider { get; set; } = "sqlite";

    /// <summary><c>ConnectionStrings:Mamori</c>, an Npgsql connection string; bound by <see cref="StorageExtensions.AddStorage"/>.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => Provider == "postgres";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsPostgres)
            yield break;
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Storage:Provider is 'postgres' but ConnectionStrings:Mamori is empty: set it, e.g. ConnectionStrings__Mamori=\"Host=db;Database=mamori;Username=mamori;Password=…\".",
                [nameof(ConnectionString)]);
            yield break;
        }
        string? error = null;
        try
        {
            _ = new NpgsqlConnectionStringBuilder(ConnectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            // The message names the bad keyword, never the password.
            error = ex.Message;
        }
        if (error is not null)
            yield return new ValidationResult($"ConnectionStrings:Mamori is not a valid PostgreSQL connection string: {error}", [nameof(ConnectionString)]);
    }
}
