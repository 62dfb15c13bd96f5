using Mamori.Core.Dialogs;
using Mamori.Desk.Cases;
using Mamori.Desk.Staff;
using Mamori.Desk.Storage;

namespace Mamori.Desk.Tests.Storage;

/// <summary>
/// Makes the stores the contract runs against, each on its own file in a temp folder. Add a kind here (and to
/// <see cref="Kinds"/>) when another backend implements <see cref="IDeskStore"/>.
/// </summary>
public sealed class DeskStores : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mamori-desk-").FullName;
    private readonly List<IDisposable> _open = [];

    public static TheoryData<string> Kinds => ["sqlite"];

    public TestClock Clock { get; } = TestClock.At2026();

    public string PathOf(string name) => Path.Combine(_folder, "nested", name);

    public IDeskStore Create(string kind) => kind switch
    {
        "sqlite" => Track(new SqliteDeskStore(PathOf($"desk-{Guid.NewGuid():N}.db"), Clock)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such store kind"),
    };

    public SqliteDeskStore OpenSqlite(string path) => Track(new SqliteDeskStore(path, Clock));

    /// <summary>A request from a web chat, which the desk can answer in the chat (it has a route).</summary>
    public static NewCase Request(string tenant, string conversation, string reason = "担当者と話したい") =>
        new(new ConversationKey(tenant, conversation), $"user-of-{conversation}", "directline", reason, CaseSnapshot.Empty, "directline:" + conversation);

    public static async Task<StaffAccount> AddStaffAsync(IDeskStore store, string tenant, string login, StaffRole role = StaffRole.Staff) =>
        (await store.AddStaffAsync(new NewStaff(tenant, login, $"{login}さん", role, "hash-of-" + login), CancellationToken.None)).Account!;

    public void Dispose()
    {
        foreach (var store in _open)
            store.Dispose();
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
