using System.Reflection;
using Npgsql;
using Xunit.Sdk;

namespace Mamori.Tests.Postgres;

/// <summary>
/// The PostgreSQL server the PostgreSQL legs run against: the connection string in MAMORI_TEST_POSTGRES (.ci/run starts a
/// server and sets it). Without it those legs are skipped with this reason; with it set, a server that does not answer fails them.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "MAMORI_TEST_POSTGRES";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static string? SkipReason => ConnectionString is null
        ? $"PostgreSQL leg: set {Variable} to a server's connection string (e.g. \"Host=127.0.0.1;Port=5432;Username=postgres\") to run it; .ci/run starts one."
        : null;
}

/// <summary>Adds the <c>"postgres"</c> row to a store theory, skipped with the reason when no server is configured.</summary>
public sealed class PostgresDataAttribute : DataAttribute
{
    public PostgresDataAttribute() => Skip = TestPostgres.SkipReason;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [["postgres"]];
}

/// <summary>A test that needs the PostgreSQL server, skipped with the reason without one.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = TestPostgres.SkipReason;
}

/// <summary>A database of its own for one test, created empty on the test server and dropped (connections and all) when disposed.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _name;

    private TestDatabase(string name, string connectionString)
    {
        _name = name;
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        string server = TestPostgres.ConnectionString ?? throw new InvalidOperationException(TestPostgres.SkipReason);
        string name = $"mamori_test_{Guid.NewGuid():N}";
        await using (var admin = NpgsqlDataSource.Create(server))
        await using (var create = admin.CreateCommand($"CREATE DATABASE {name}"))
            await create.ExecuteNonQueryAsync();
        return new TestDatabase(name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await using var admin = NpgsqlDataSource.Create(TestPostgres.ConnectionString!);
        await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
        await drop.ExecuteNonQueryAsync();
    }
}
