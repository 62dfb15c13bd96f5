using System.Reflection;
using System.Text.RegularExpressions;

namespace Mamori.Storage.Postgres;

/// <summary>One store's migrations, applied in version order and recorded under the history's name.</summary>
public sealed partial class MigrationHistory
{
    private MigrationHistory(string name, IReadOnlyList<Migration> migrations)
    {
        Name = name;
        Migrations = migrations;
    }

    public string Name { get; }

    public IReadOnlyList<Migration> Migrations { get; }

    /// <summary>
    /// The embedded resources <c>migrations/&lt;name&gt;/NNNN_what.sql</c> of <paramref name="assembly"/> (see this project's
    /// csproj for the LogicalName that makes them so). Versions must run 1, 2, 3… without a gap, so a lost file fails here.
    /// </summary>
    public static MigrationHistory FromResources(Assembly assembly, string name)
    {
        string prefix = $"migrations/{name}/";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(prefix, StringComparison.Ordinal)))
        {
            string file = resource[prefix.Length..];
            var match = FileName().Match(file);
            if (!match.Success)
                throw new InvalidOperationException($"Migration '{resource}' in {assembly.GetName().Name}: the name must be NNNN_what.sql.");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value), file, reader.ReadToEnd()));
        }
        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        if (migrations.Count == 0)
            throw new InvalidOperationException($"No migrations under '{prefix}' in {assembly.GetName().Name}.");
        for (int i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
                throw new InvalidOperationException($"Migrations of '{name}' must be numbered 1, 2, 3… without gaps; found {migrations[i].File} at position {i + 1}.");
        }
        return new MigrationHistory(name, migrations);
    }

    [GeneratedRegex(@"^(\d{4})_[a-z0-9_]+\.sql$")]
    private static partial Regex FileName();
}

public sealed record Migration(int Version, string File, string Sql);
