namespace Mamori.Host.Channels.BotFramework.Auth;

/// <summary>The verdict on a caller of /api/messages: 200 allowed, else 401 or 403 with the reason in plain English.</summary>
internal sealed record InboundAuth(int StatusCode, string? Reason)
{
    public bool Allowed => StatusCode == StatusCodes.Status200OK;

    public static InboundAuth Ok { get; } = new(StatusCodes.Status200OK, null);

    public static InboundAuth Unauthorized(string reason) => new(StatusCodes.Status401Unauthorized, reason);

    public static InboundAuth Forbidden(string reason) => new(StatusCodes.Status403Forbidden, reason);
}
