using System.Net;
using Mamori.Host.Channels.Activities;
using Mamori.Host.Channels.BotFramework;
using Mamori.Host.Channels.BotFramework.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Tests.Channels.BotFramework.Auth;

/// <summary>Without an app id the endpoint is for this machine only (the Bot Framework Emulator, tests) — never for anyone else.</summary>
public sealed class EmulatorModeTests
{
    private static readonly BotFrameworkAuthenticator Authenticator = new(
        Options.Create(new BotFrameworkOptions()),
        new OpenIdMetadataCache(new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>(), TimeProvider.System),
        TimeProvider.System,
        NullLogger<BotFrameworkAuthenticator>.Instance);

    private static Task<InboundAuth> FromAsync(string address, string? forwardedFor = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        if (forwardedFor is not null)
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        return Authenticator.AuthenticateAsync(context, new Activity { Type = "message" }, CancellationToken.None);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task A_caller_on_this_machine_is_accepted_without_a_token(string address) =>
        Assert.True((await FromAsync(address)).Allowed);

    [Theory]
    [InlineData("192.168.1.20")]
    [InlineData("203.0.113.7")]
    public async Task Any_other_caller_is_401_and_told_why(string address)
    {
        var verdict = await FromAsync(address);

        Assert.Equal(401, verdict.StatusCode);
        Assert.Contains("BotFramework:AppId", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_forwarded_by_a_proxy_on_this_machine_is_refused() =>
        Assert.False((await FromAsync("127.0.0.1", forwardedFor: "203.0.113.7")).Allowed);
}
