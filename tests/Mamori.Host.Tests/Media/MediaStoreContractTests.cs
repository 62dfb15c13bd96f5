using Mamori.Host.Media;

namespace Mamori.Host.Tests.Media;

/// <summary>One contract for every picture store: what /media/{id} and the byte bound rely on.</summary>
public sealed class MediaStoreContractTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mamori-media-").FullName;
    private readonly List<IDisposable> _opened = [];

    public static TheoryData<string> Stores => ["sqlite"];

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _opened.ForEach(store => store.Dispose());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>A store on the test's one file: a second call is another instance (or a restart) on the same data.</summary>
    private Task<IMediaStore> OpenAsync(string kind, long maxTotalBytes)
    {
        var store = new SqliteMediaStore(Path.Combine(_folder, "media.db"), maxTotalBytes);
        _opened.Add(store);
        return Task.FromResult<IMediaStore>(store);
    }

    [Theory, MemberData(nameof(Stores))]
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

    [Theory, MemberData(nameof(Stores))]
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
}
