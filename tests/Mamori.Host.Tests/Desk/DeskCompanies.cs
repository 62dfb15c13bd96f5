using System.Net;
using Mamori.Core;
using Mamori.Desk.Advisers;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Host.Tests.Desk;

/// <summary>Helpers for the advisers' pages: a company added through the console, and a whole diagnosis form posted as a browser would.</summary>
internal static class DeskCompanies
{
    public static IAdviserCompanies Companies(this DeskHost host) => host.Factory.Services.GetRequiredService<IAdviserCompanies>();

    public static DiagnosisKit Kit(this DeskHost host) => host.Factory.Services.GetRequiredService<DiagnosisKit>();

    public static string PathOf(AdviserCompany company) => "desk/companies/" + Uri.EscapeDataString(company.Id);

    /// <summary>Adds a company with consent through the form; asserts the redirect to its page.</summary>
    public static async Task<AdviserCompany> AddAsync(this DeskHost host, HttpClient browser, string tenant, string name)
    {
        string token = await DeskHost.TokenAsync(browser, "desk/companies/new");
        using var added = await DeskHost.PostAsync(browser, "desk/companies/new", token, ("name", name), ("contact", "山田 太郎"), ("consent", "yes"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var company = (await host.Companies().ListAsync(tenant, default)).First(c => c.Name == name);
        Assert.Equal("/" + PathOf(company) + "?done=added", added.Headers.Location!.OriginalString);
        return company;
    }

    /// <summary>Posts the diagnosis form with each question's choice picked by <paramref name="pick"/> (an index into its choices).</summary>
    public static async Task<HttpResponseMessage> DiagnoseAsync(this DeskHost host, HttpClient browser, AdviserCompany company, Func<string, int> pick)
    {
        string token = await DeskHost.TokenAsync(browser, PathOf(company) + "/diagnose");
        var fields = host.Kit().Script.Questions
            .Select(q => ("q-" + q.Id, q.Choices[Math.Min(pick(q.Id), q.Choices.Count - 1)].Code))
            .ToArray();
        return await DeskHost.PostAsync(browser, PathOf(company) + "/diagnose", token, fields);
    }
}
