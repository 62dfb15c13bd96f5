using Mamori.Host.Tenants;

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
        };

        var result = new TenantsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        string all = string.Join("\n", result.Failures!);
        Assert.Contains("Tenants:Bad_Id:", all);
        Assert.Contains("Tenants:chamber:PrimaryColor", all);
        Assert.Contains("Tenants:chamber:AllowedOrigins:0", all);
        Assert.Contains("Tenants:chamber:DirectLineSecret", all);
    }

    [Fact]
    public void Nothing_configured_is_valid_and_the_default_tenant_exists()
    {
        var options = new TenantsOptions();
        Assert.True(new TenantsOptionsValidator().Validate(null, options).Succeeded);
        var catalog = new TenantCatalog(Microsoft.Extensions.Options.Options.Create(options));
        Assert.NotNull(catalog.Find("default"));
        Assert.Equal("まもり", catalog.Default.Options.DisplayName);
    }
}
