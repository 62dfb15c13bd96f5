using Microsoft.Playwright;

namespace Mamori.Host.Tests.EndToEnd;

/// <summary>Signs a desk member in through the login form, as they would, and lands on the case list.</summary>
internal static class DeskSignIn
{
    /// <summary>
    /// When the list does not come (a 429, an expired form, a wrong password), the failure says what the page showed
    /// instead of only "timeout", so a failure on a loaded CI machine can be told from a slow one.
    /// </summary>
    public static async Task SignInAsync(IPage page, Uri baseAddress, string tenantId, string login, string password)
    {
        await page.GotoAsync(new Uri(baseAddress, "/desk/login?tenant=" + Uri.EscapeDataString(tenantId)).AbsoluteUri);
        await page.FillAsync("input[name=login]", login);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");
        try
        {
            await page.WaitForURLAsync("**/desk", new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            string shown = await page.Locator("body").InnerTextAsync();
            Assert.Fail($"signing in as {login} did not reach the case list; the page at {page.Url} shows: {shown}");
        }
    }
}
