using Mamori.Core.Diagnosis;
using Mamori.Core.Domain;
using Mamori.Desk.Advisers;

namespace Mamori.Desk.Tests.Advisers;

/// <summary>
/// Makes the advisers' stores the contract runs against, each on its own file in a temp folder. Add a kind here when
/// another backend implements <see cref="IAdviserCompanies"/>.
/// </summary>
public sealed class AdviserStores : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mamori-advisers-").FullName;
    private readonly List<IDisposable> _open = [];

    public static TheoryData<string> Kinds => ["sqlite"];

    public TestClock Clock { get; } = TestClock.At2026();

    public string PathOf(string name) => Path.Combine(_folder, "nested", name);

    public IAdviserCompanies Create(string kind) => kind switch
    {
        "sqlite" => OpenSqlite(PathOf($"advisers-{Guid.NewGuid():N}.db")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such store kind"),
    };

    public SqliteAdviserCompanies OpenSqlite(string path)
    {
        var store = new SqliteAdviserCompanies(path, Clock);
        _open.Add(store);
        return store;
    }

    public static NewCompany Company(string tenant, string name = "山田製作所", string staff = "staff-1") =>
        new(tenant, name, "山田 太郎", "毎月第2火曜に訪問", new DateTimeOffset(2026, 3, 31, 1, 0, 0, TimeSpan.Zero), staff);

    public static NewDiagnosis Run(string tenant, string companyId, string budget = "unknown", Stage? barrier = Stage.Awareness, int? step = 2) =>
        new(tenant, companyId, AnswerSet.Empty.With("industry", "manufacturing").With("inv_budget", budget, "年10万円くらい"),
            "いちばんの壁は「経営者の認識」です。", barrier, step, "staff-1");

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
}
