using System.Threading.RateLimiting;

namespace Mamori.Host.Access;

/// <summary>The host's one shape of limit per caller: so many requests a minute from one client address, none queued.</summary>
internal static class AddressRateLimit
{
    public static RateLimitPartition<string> PerMinute(HttpContext context, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
