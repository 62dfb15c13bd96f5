using System.Text;
using Mamori.Core;
using Mamori.Core.Evidence;
using Mamori.Desk.Staff;
using Mamori.Host.Tests.Desk;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Host.Tests.Dashboard;

/// <summary>A desk host with its own evidence file, two chambers and a federation whose supervisor sees both.</summary>
internal sealed class DashboardHost : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mamori-dashboard-").FullName;

    public DashboardHost(int k = 5) => Desk = new DeskHost(new Dictionary<string, string?>
    {
        ["Mamori:Evidence:SqlitePath"] = Path.Combine(_folder, "evidence.db"),
        ["Mamori:Evidence:Salt"] = "dashboard-tests-salt-0123456789abcdef",
        ["Dashboard:K"] = k.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Tenants:kyoto-cci:DisplayName"] = "京都商工会議所",
        ["Tenants:uji-cci:DisplayName"] = "宇治商工会議所",
        ["Tenants:federation:DisplayName"] = "京都府商工会議所連合会",
        ["Dashboard:Supervisors:0:Tenant"] = "federation",
        ["Dashboard:Supervisors:0:Login"] = "fed",
        ["Dashboard:Supervisors:0:Tenants:0"] = "kyoto-cci",
        ["Dashboard:Supervisors:0:Tenants:1"] = "uji-cci",
    });

    public DeskHost Desk { get; }

    public IEvidenceStore Store => Desk.Factory.Services.GetRequiredService<IEvidenceStore>();

    public EvidenceKeys Keys => Desk.Factory.Services.GetRequiredService<EvidenceKeys>();

    public DiagnosisKit Kit => Desk.Factory.Services.GetRequiredService<DiagnosisKit>();

    public async Task<HttpClient> StaffAsync(string tenant, string login = "staff")
    {
        await Desk.AddStaffAsync(tenant, login, "担当");
        return await Desk.SignedInAsync(tenant, login);
    }

    /// <summary>The CSV as rows of fields (BOM checked and removed).</summary>
    public static async Task<List<string[]>> CsvAsync(HttpClient browser, string query = "")
    {
        using var response = await browser.GetAsync("desk/dashboard.csv" + query);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        byte[] bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return [.. Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(',').Select(f => f.Trim('"')).ToArray())];
    }

    public void Dispose()
    {
        Desk.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
