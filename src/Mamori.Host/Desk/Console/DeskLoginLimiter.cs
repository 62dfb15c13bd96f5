using Mamori.Host.Access;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Desk.Console;

/// <summary>
/// Sign-in attempts are limited twice: per client address by ASP.NET Core's rate-limiting middleware (the
/// <see cref="AddressPolicy"/> on POST /desk/login), and per tenant and login here, since the login is in the form body,
/// which a middleware partitioner cannot read. Both answer 429 with a Japanese page.
/// </summary>
internal sealed class DeskLoginLimiter : IDisposable
{
    public const string AddressPolicy = "desk-login";

    private readonly PartitionedRateLimiter<string> _perAccount;

    public DeskLoginLimiter(IOptions<DeskConsoleOptions> options)
    {
        int permits = options.Value.LoginsPerMinutePerAccount;
        _perAccount = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
    }

    /// <summary>False when this tenant's login has had too many attempts in the last minute.</summary>
    public bool TryAttempt(string tenantId, string loginKey)
    {
        using var lease = _perAccount.AttemptAcquire(tenantId + "\n" + loginKey);
        return lease.IsAcquired;
    }

    public void Dispose() => _perAccount.Dispose();

    /// <summary>
    /// Adds the per-address policy, and a rejection for the console's login that says why in Japanese; other
    /// endpoints' rejections are left to the handler that was there (run as a post-configuration, so it is there).
    /// </summary>
    public static void ConfigureAddressLimit(RateLimiterOptions options)
    {
        options.AddPolicy(AddressPolicy, context =>
            AddressRateLimit.PerMinute(context, context.RequestServices.GetRequiredService<IOptions<DeskConsoleOptions>>().Value.LoginsPerMinutePerAddress));
        var previous = options.OnRejected;
        options.OnRejected = async (context, token) =>
        {
            var http = context.HttpContext;
            if (http.GetEndpoint()?.Metadata.GetMetadata<DeskLoginMarker>() is null)
            {
                if (previous is not null)
                    await previous(context, token);
                return;
            }
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = "60";
            DeskConsoleEndpoints.SecurityHeaders(http.Response);
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(DeskPages.Message("しばらくお待ちください", DeskWords.LoginTooMany, null, null, null, "/desk/login", "ログインのページへ"), token);
        };
    }
}

/// <summary>Marks the login POST for the rate limiter's rejection handler.</summary>
internal sealed class DeskLoginMarker;
