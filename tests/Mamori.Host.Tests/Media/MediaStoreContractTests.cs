using Mamori.Host.Media;
using Mamori.Host.Storage.Postgres;
using Mamori.Tests.Postgres;

namespace Mamori.Host.Tests.Media;

/// <summary>One contract for every picture store: what /media/{id} and the byte bound rely on.</summary>
public sealed class MediaStoreContractTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mamori-media-").FullName;
    private readonly List<IDisposable> _opened = [];
    private readonly InstancesOnOneDatabase _postgres = new(PostgresMediaStore.Migrations);

    public static TheoryData<string> Stores => ["sqlite"];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _opened.ForEach(store => store.Dispose());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        await _postgres.DisposeAsync();
    }

    /// <summary>
    /// A store on the test's one file or database: a second call is another instance on the same data (in PostgreSQL
    /// with a data source of its own, as a second host has).
    /// </summary>
    private async Task<IMediaStore> OpenAsync(string kind, long maxTotalBytes)
    {
        if (kind == "sqlite")
        {
            var store = new SqliteMediaStore(Path.Combine(_folder, "media.db"), maxTotalBytes);
            _opened.Add(store);
            return store;
        }
        var host = await _postgres.HostAsync();
        return new PostgresMediaStore(host, maxTotalBytes);
    }

    [Theory, MemberData(nameof(Stores)), PostgresData]
    public async Task A_picture_is_served_by_its_random_id_also_from_another_instance_on_the_same_data(string kind)
    {
        string id = await (await OpenAsync(kind, 1 << 20)).AddAsync([0x89, 0x50, 0x4e, 0x47], "image/png", CancellationToken.None);
        Assert.Matches("^[0-9a-f]{32}$", id);
        var other = await OpenAsync(kind, 1 << 20);
        var item = (await other.FindAsync(id, CancellationToken.None))!;
        Assert.Equal("image/png", item.ContentType);
        Assert.Equal([0x89, 0x50, 0x4e, 0x47], item.Content);
        Assert.Null(await other.FindAsync("0123456789abcdef0123456789abcdef", CancellationToken.None));
    }

    [Theory, MemberData(nameof(Stores)), PostgresData]
    public async Task The_total_stays_under_the_bound_oldest_first_and_the_count_carries_over_to_another_instance(string kind)
    {
        var ids = new List<string>();
        var first = await OpenAsync(kind, 3000);
        for (var i = 0; i < 3; i++)
            ids.Add(await first.AddAsync(new byte[1000], "image/png", CancellationToken.None));
        var other = await OpenAsync(kind, 3000);
        ids.Add(await other.AddAsync(new byte[1000], "image/png", CancellationToken.None));   // 4,000 bytes: the first picture goes
        Assert.Null(await other.FindAsync(ids[0], CancellationToken.None));
        foreach (var id in ids.Skip(1))
            Assert.NotNull(await other.FindAsync(id, CancellationToken.None));
    }

    [PostgresFact]
    public async Task Two_instances_adding_at_once_keep_the_shared_total_under_the_bound()
    {
        var a = await OpenAsync("postgres", 5000);
        var b = await OpenAsync("postgres", 5000);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? a : b).AddAsync(new byte[1000], "image/png", CancellationToken.None)));

        await using var sums = (await _postgres.HostAsync()).CreateCommand("SELECT (SELECT sum(bytes) FROM media), (SELECT bytes FROM media_total)");
        await using var row = await sums.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        Assert.Equal(5000, row.GetInt64(0));
        Assert.Equal(5000, row.GetInt64(1));
    }
}
