using Mamori.Core.Dialogs;
using Mamori.Desk.Advisers;
using Mamori.Desk.Cases;
using Mamori.Desk.Staff;
using Mamori.Desk.Storage;
using Mamori.Storage.Postgres;
using Mamori.Storage.Postgres.Desk;
using Mamori.Tests.Postgres;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Mamori.Desk.Tests.Storage;

/// <summary>
/// Makes the stores the contracts run against, each on its own file in a temp folder or in a fresh PostgreSQL database
/// (the <c>"postgres"</c> row, <see cref="PostgresDataAttribute"/>). Add a kind here (and to <see cref="Kinds"/>) when
/// another backend implements <see cref="IDeskStore"/> and <see cref="IAdviserCompanies"/>.
/// </summary>
public sealed class DeskStores : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mamori-desk-").FullName;
    private readonly List<IDisposable> _open = [];
    private readonly List<TestDatabase> _databases = [];
    private readonly List<NpgsqlDataSource> _sources = [];

    public static TheoryData<string> Kinds => ["sqlite"];

    /// <summary>Where every test's clock starts, so recorded times can be asserted exactly.</summary>
    public static readonly DateTimeOffset Start = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    public string PathOf(string name) => Path.Combine(_folder, "nested", name);

    public async Task<IDeskStore> CreateAsync(string kind) => kind switch
    {
        "sqlite" => Track(new SqliteDeskStore(PathOf($"desk-{Guid.NewGuid():N}.db"), Clock)),
        "postgres" => new PostgresDeskStore(SourceOn(await CreateDatabaseAsync(PostgresDeskStore.Migrations)), Clock),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such store kind"),
    };

    public SqliteDeskStore OpenSqlite(string path) => Track(new SqliteDeskStore(path, Clock));

    public async Task<IAdviserCompanies> CreateAdvisersAsync(string kind) => kind switch
    {
        "sqlite" => OpenAdvisers(PathOf($"advisers-{Guid.NewGuid():N}.db")),
        "postgres" => new PostgresAdviserCompanies(SourceOn(await CreateDatabaseAsync(PostgresAdviserCompanies.Migrations)), Clock),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such store kind"),
    };

    /// <summary>An empty database of its own on the test server, migrated as the host does at start; dropped with this.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync(MigrationHistory migrations)
    {
        var database = await TestDatabase.CreateAsync();
        _databases.Add(database);
        await SchemaMigrator.ApplyAsync(database.DataSource, migrations, CancellationToken.None);
        return database;
    }

    /// <summary>
    /// A data source of its own on <paramref name="database"/>, as a host instance has. Its pool is small, so the test
    /// classes running in parallel (each with a store's parallel writers) stay within the test server's connections.
    /// </summary>
    public NpgsqlDataSource SourceOn(TestDatabase database)
    {
        var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 10 });
        _sources.Add(source);
        return source;
    }

    public SqliteAdviserCompanies OpenAdvisers(string path) => Track(new SqliteAdviserCompanies(path, Clock));

    /// <summary>A request from a web chat, which the desk can answer in the chat (it has a route).</summary>
    public static NewCase Request(string tenant, string conversation, string reason = "担当者と話したい") =>
        new(new ConversationKey(tenant, conversation), $"user-of-{conversation}", "directline", reason, CaseSnapshot.Empty, "directline:" + conversation);

    public static async Task<StaffAccount> AddStaffAsync(IDeskStore store, string tenant, string login, StaffRole role = StaffRole.Staff) =>
        (await store.AddStaffAsync(new NewStaff(tenant, login, $"{login}さん", role, "hash-of-" + login), CancellationToken.None)).Account!;

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _open)
            store.Dispose();
        foreach (var source in _sources)
            await source.DisposeAsync();
        foreach (var database in _databases)
            await database.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleanup if a file is still open.
        }
    }

    private T Track<T>(T store) where T : IDisposable
    {
        _open.Add(store);
        return store;
    }
}
