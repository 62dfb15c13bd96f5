using Mamori.Host.Tenants;
using Microsoft.Extensions.Hosting.Internal;

namespace Mamori.Host.Tests.Tenants;

/// <summary>A misconfigured tenant stops the host at start with an error naming the setting.</summary>
public sealed class TenantOptionsTests
{
    [Fact]
    public void Errors_name_the_setting()
    {
        var options = new TenantsOptions();
        options.Tenants["Bad_Id"] = new TenantOptions();
        options.Tenants["chamber"] = new TenantOptions
        {
            PrimaryColor = "green",
            AllowedOrigins = ["https://www.example.jp/path"],
            DirectLineSecret = "short",
            AdviserPassword = "a-shared-password-of-old",
            Line = new LineAccountOptions { ChannelSecret = "secret-without-a-token", ApiBaseUrl = "http://api.line.example/" },
            SupportDesk = new SupportDeskOptions { NoticeEmails = ["not an address"], NoticeWebhookUrl = "http://hooks.example.jp/x", Handoff = (DeskHandoffMode)2 },
        };

        var result = new TenantsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        string all = string.Join("\n", result.Failures!);
        Assert.Contains("Tenants:Bad_Id:", all);
        Assert.Contains("Tenants:chamber:PrimaryColor", all);
        Assert.Contains("Tenants:chamber:AllowedOrigins:0", all);
        Assert.Contains("Tenants:chamber:DirectLineSecret", all);
        Assert.Contains("Tenants:chamber:AdviserPassword is no longer used: each adviser signs in to /desk with an account of their own", all);
        Assert.Contains("Tenants:chamber:Line: set both ChannelSecret and AccessToken", all);
        Assert.Contains("Tenants:chamber:Line:ApiBaseUrl", all);
        Assert.Contains("Tenants:chamber:SupportDesk:NoticeEmails:0", all);
        Assert.Contains("Tenants:chamber:SupportDesk:NoticeWebhookUrl", all);
        Assert.Contains("Tenants:chamber:SupportDesk:Handoff", all);
    }

    [Fact]
    public void Nothing_configured_is_valid_and_the_default_tenant_exists()
    {
        var options = new TenantsOptions();
        Assert.True(new TenantsOptionsValidator().Validate(null, options).Succeeded);
        var catalog = Catalog(options, "Production");
        Assert.NotNull(catalog.Find("default"));
        Assert.Equal("まもり", catalog.Default.Options.DisplayName);
    }

    [Theory]
    [InlineData("http://localhost:8080")]
    [InlineData("http://127.0.0.1:5500")]
    [InlineData("http://[::1]:3000")]
    public void With_nothing_configured_pages_on_this_machine_may_use_the_default_tenant(string origin)
    {
        var catalog = Catalog(new TenantsOptions(), "Production");
        Assert.True(catalog.Default.AllowsOrigin(origin, "http://localhost:5000"));
        Assert.True(catalog.IsKnownOrigin(origin));
    }

    [Theory]
    [InlineData("https://localhost:8080")]
    [InlineData("http://127.0.0.2:5500")]
    [InlineData("http://localhost.example.jp")]
    [InlineData("https://www.example.jp")]
    public void Only_plain_loopback_origins_count_as_local(string origin)
    {
        var catalog = Catalog(new TenantsOptions(), "Production");
        Assert.False(catalog.Default.AllowsOrigin(origin, "http://localhost:5000"));
        Assert.False(catalog.IsKnownOrigin(origin));
    }

    [Fact]
    public void A_production_site_with_chambers_allows_only_the_origins_it_lists()
    {
        var options = new TenantsOptions();
        options.Tenants["chamber"] = new TenantOptions { AllowedOrigins = ["https://www.example-cci.or.jp"] };
        var production = Catalog(options, "Production");
        Assert.False(production.Default.AllowsOrigin("http://localhost:8080", "https://bot.example.jp"));
        Assert.False(production.Find("chamber")!.AllowsOrigin("http://localhost:8080", "https://bot.example.jp"));
        Assert.True(production.Find("chamber")!.AllowsOrigin("https://www.example-cci.or.jp", "https://bot.example.jp"));
        Assert.False(production.IsKnownOrigin("http://localhost:8080"));

        // In development the default tenant (only it) also answers pages on this machine.
        var development = Catalog(options, "Development");
        Assert.True(development.Default.AllowsOrigin("http://localhost:8080", "http://localhost:5000"));
        Assert.False(development.Find("chamber")!.AllowsOrigin("http://localhost:8080", "http://localhost:5000"));
    }

    private static TenantCatalog Catalog(TenantsOptions options, string environment) =>
        new(Microsoft.Extensions.Options.Options.Create(options), new HostingEnvironment { EnvironmentName = environment });
}
