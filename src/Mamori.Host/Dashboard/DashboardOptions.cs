using System.ComponentModel.DataAnnotations;

namespace Mamori.Host.Dashboard;

/// <summary>Who sees what on /dashboard: staff see their own tenant; the supervisors named here see their tenants together.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>A cell with fewer companies than this is not shown, on the page or in the export (k-anonymity).</summary>
    [Range(2, 1000, ErrorMessage = "Dashboard:K must be between 2 and 1000.")]
    public int K { get; set; } = 5;

    /// <summary>Desk staff accounts that see aggregates across several tenants (e.g. a prefecture's federation of chambers).</summary>
    public List<DashboardSupervisor> Supervisors { get; set; } = [];
}

/// <param name="Tenant">The tenant whose desk account signs in.</param>
/// <param name="Login">That account's login.</param>
/// <param name="Tenants">The tenants whose figures it sees, together.</param>
public sealed class DashboardSupervisor
{
    [Required] public string Tenant { get; set; } = "";
    [Required] public string Login { get; set; } = "";
    [MinLength(1)] public List<string> Tenants { get; set; } = [];
}
