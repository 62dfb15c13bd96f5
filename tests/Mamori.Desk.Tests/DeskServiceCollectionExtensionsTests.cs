using Mamori.Desk.Advisers;
using Mamori.Desk.Staff;
using Mamori.Desk.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mamori.Desk.Tests;

/// <summary>AddMamoriDesk: the store's file is taken from the content root like the state store's, and a bad setting fails by name.</summary>
public sealed class DeskServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mamori-desk-root-").FullName;

    public DeskServiceCollectionExtensionsTests() => Directory.CreateDirectory(Path.Combine(_root, "knowledge"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private ServiceProvider Build(string? sqlitePath)
    {
        var settings = new Dictionary<string, string?> { ["Mamori:ContentRoot"] = _root };
        if (sqlitePath is not null)
            settings["Mamori:Desk:SqlitePath"] = sqlitePath;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddMamoriDesk(configuration).BuildServiceProvider();
    }

    [Fact]
    public void The_default_store_is_one_sqlite_file_under_the_content_roots_data_folder()
    {
        using var services = Build(null);

        var store = Assert.IsType<SqliteDeskStore>(services.GetRequiredService<IDeskStore>());
        Assert.Equal(Path.Combine(_root, "data", "mamori-desk.db"), store.FilePath);
        Assert.True(File.Exists(store.FilePath));
        Assert.Same(store, services.GetRequiredService<IDeskStore>());
        Assert.NotNull(services.GetRequiredService<StaffPasswords>());
        Assert.IsType<SqliteAdviserCompanies>(services.GetRequiredService<IAdviserCompanies>());
    }

    [Fact]
    public void A_relative_path_is_taken_from_the_content_root_and_an_absolute_one_is_kept()
    {
        using (var relative = Build("desk/cases.db"))
            Assert.Equal(Path.Combine(_root, "desk", "cases.db"), ((SqliteDeskStore)relative.GetRequiredService<IDeskStore>()).FilePath);
        var absolute = Path.Combine(_root, "elsewhere", "d.db");
        using var services = Build(absolute);
        Assert.Equal(absolute, ((SqliteDeskStore)services.GetRequiredService<IDeskStore>()).FilePath);
    }

    [Fact]
    public void An_empty_path_fails_naming_the_setting()
    {
        using var services = Build("");

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DeskStoreOptions>>().Value);
        Assert.Contains("Mamori:Desk:SqlitePath", error.Message);
    }
}
