using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Mamori.Desk.Storage;

/// <summary>
/// A prepared command whose parameters (<c>$name</c>) are found in its SQL. Every call sets every parameter, so a value
/// can never leak from the previous call into this one.
/// </summary>
internal sealed partial class SqliteStatement : IDisposable
{
    private readonly SqliteCommand _command;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        foreach (var name in ParameterName().Matches(sql).Select(m => m.Value).Distinct(StringComparer.Ordinal))
            _command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        _command.Prepare();
    }

    public SqliteCommand With(params ReadOnlySpan<(string Name, object? Value)> values)
    {
        if (values.Length != _command.Parameters.Count)
            throw new ArgumentException($"'{_command.CommandText}' takes {_command.Parameters.Count} parameters, {values.Length} given.");
        foreach (var (name, value) in values)
            _command.Parameters[name].Value = value ?? DBNull.Value;
        return _command;
    }

    public void Dispose() => _command.Dispose();

    [GeneratedRegex(@"\$\w+")]
    private static partial Regex ParameterName();
}
