namespace Mamori.Host.Desk.Companies;

/// <summary>
/// /desk/companies: the companies a desk's advisers diagnose with their owners' consent, each company's runs, what
/// changed since the last run, the printable report with the adviser's name, and erasure. Inside the console's group,
/// so its sign-in, antiforgery and security headers apply.
/// </summary>
public static class CompanyEndpoints
{
    public static IServiceCollection AddDeskCompanies(this IServiceCollection services)
    {
        services.AddSingleton<CompanyRuns>();
        services.AddSingleton<CompanyHandlers>();
        return services;
    }

    public static RouteGroupBuilder MapDeskCompanies(this RouteGroupBuilder desk)
    {
        desk.MapGet("/companies", (HttpContext c, CompanyHandlers h) => h.ListAsync(c));
        desk.MapGet("/companies/new", (HttpContext c, CompanyHandlers h) => h.NewAsync(c));
        desk.MapPost("/companies/new", (HttpContext c, CompanyHandlers h) => h.AddAsync(c));
        desk.MapGet("/companies/{id}", (string id, HttpContext c, CompanyHandlers h) => h.SheetAsync(c, id));
        desk.MapGet("/companies/{id}/diagnose", (string id, HttpContext c, CompanyHandlers h) => h.DiagnosisFormAsync(c, id));
        desk.MapPost("/companies/{id}/diagnose", (string id, HttpContext c, CompanyHandlers h) => h.DiagnoseAsync(c, id));
        desk.MapGet("/companies/{id}/report", (string id, HttpContext c, CompanyHandlers h) => h.ReportAsync(c, id));
        desk.MapPost("/companies/{id}/delete", (string id, HttpContext c, CompanyHandlers h) => h.DeleteAsync(c, id));
        return desk;
    }
}
