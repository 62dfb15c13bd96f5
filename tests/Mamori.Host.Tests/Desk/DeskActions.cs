using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mamori.Desk.Cases;

namespace Mamori.Host.Tests.Desk;

/// <summary>A desk member working a case from the console, as a browser would: forms from the sheet, the chat as JSON.</summary>
internal static class DeskActions
{
    public static string SheetPath(DeskCase c) => "desk/cases/" + Uri.EscapeDataString(c.Id);

    /// <summary>Posts a form of the case sheet with its antiforgery field and the version the store has now (which /send ignores).</summary>
    public static async Task<HttpResponseMessage> ActAsync(DeskHost host, HttpClient browser, DeskCase c, string action, params (string Name, string Value)[] fields)
    {
        string token = await DeskHost.TokenAsync(browser, SheetPath(c));
        var current = await host.Store.GetCaseAsync(c.TenantId, c.Id, default);
        return await DeskHost.PostAsync(browser, $"{SheetPath(c)}/{action}", token,
            [("version", current!.Version.ToString(CultureInfo.InvariantCulture)), .. fields]);
    }

    public static async Task<JsonArray> MessagesAsync(HttpClient browser, DeskCase c, long after)
    {
        using var response = await browser.GetAsync($"{SheetPath(c)}/messages?after={after}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonArray)(await response.Content.ReadFromJsonAsync<JsonObject>())!["messages"]!;
    }

    public static async Task<JsonArray> WaitForMessagesAsync(HttpClient browser, DeskCase c, int count)
    {
        for (int i = 0; i < 300; i++)
        {
            var messages = await MessagesAsync(browser, c, 0);
            if (messages.Count >= count)
                return messages;
            await Task.Delay(20);
        }
        throw new TimeoutException($"the case chat never had {count} messages");
    }
}
