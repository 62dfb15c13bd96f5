using Mamori.Host.Media;

namespace Mamori.Host.Tests.Media;

public sealed class MediaStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mamori-media-").FullName;
    private string File => Path.Combine(_folder, "media.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_picture_is_served_by_its_random_id_also_from_a_new_instance_on_the_same_file()
    {
        string id;
        using (var store = new MediaStore(File, 1 << 20))
            id = store.Add([0x89, 0x50, 0x4e, 0x47], "image/png");
        Assert.Matches("^[0-9a-f]{32}$", id);
        using var reopened = new MediaStore(File, 1 << 20);
        var item = reopened.Find(id)!;
        Assert.Equal("image/png", item.ContentType);
        Assert.Equal([0x89, 0x50, 0x4e, 0x47], item.Content);
        Assert.Null(reopened.Find("0123456789abcdef0123456789abcdef"));
    }

    [Fact]
    public void The_total_stays_under_the_bound_oldest_first_and_the_count_carries_over_a_reopen()
    {
        var ids = new List<string>();
        using (var store = new MediaStore(File, 3000))
        {
            for (var i = 0; i < 3; i++)
                ids.Add(store.Add(new byte[1000], "image/png"));
        }
        using var reopened = new MediaStore(File, 3000);
        ids.Add(reopened.Add(new byte[1000], "image/png"));   // 4,000 bytes: the first picture goes
        Assert.Null(reopened.Find(ids[0]));
        Assert.All(ids.Skip(1), id => Assert.NotNull(reopened.Find(id)));
    }
}
