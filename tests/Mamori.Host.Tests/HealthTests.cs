using System.Net;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_reports_ready_once_the_knowledge_index_and_dialog_are_loaded()
    {
        using var host = new HostFactory(scripted: false);
        var http = host.NewClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        HttpResponseMessage response;
        while ((response = await http.GetAsync("healthz")).StatusCode != HttpStatusCode.OK)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);   // "not ready yet", never a 500
            Assert.True(DateTime.UtcNow < deadline, "the host should become ready within a minute");
            await Task.Delay(100);
        }
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
