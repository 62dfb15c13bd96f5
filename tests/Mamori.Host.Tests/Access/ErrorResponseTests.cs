using System.Net;
using System.Text.Json;
using Mamori.Host.Access;
using Mamori.Host.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Host.Tests.Access;

/// <summary>
/// A failure inside the host reaches the client as a short Japanese ProblemDetails with a trace id — never the exception's
/// message, type or stack trace with source paths, even in Development (what `dotnet run` used to force).
/// </summary>
public sealed class ErrorResponseTests
{
    private const string FailingPath = "/test/fails";

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_failure_inside_the_host_shows_no_stack_trace(string environment)
    {
        using var host = new HostFactory(scripted: environment != "Development", environment: environment,
            services: s => s.AddTransient<IStartupFilter, FailingPage>());

        using var response = await host.NewClient().GetAsync(FailingPath);
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(ErrorResponses.Title, problem.RootElement.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("traceId").GetString()));
        Assert.DoesNotContain("secret path", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", body, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public void Dotnet_run_starts_the_host_in_production()
    {
        string profile = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src/Mamori.Host/Properties/launchSettings.json"));
        using var json = JsonDocument.Parse(profile);
        foreach (var launch in json.RootElement.GetProperty("profiles").EnumerateObject())
            Assert.Equal("Production", launch.Value.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString());
    }

    /// <summary>A bug: a request no endpoint answers reaches middleware that throws, after all of the host's own.</summary>
    private sealed class FailingPage : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate notFound) =>
            {
                if (context.Request.Path == FailingPath)
                    throw new InvalidOperationException("secret path /srv/app/src/Secret.cs");
                return notFound(context);
            });
        };
    }
}
