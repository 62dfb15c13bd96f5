using System.Text.Json;
using Mamori.Host.Channels.Activities;

namespace Mamori.Host.Desk.Hubs;

public enum HandoffState
{
    Accepted,
    Failed,
    Completed,
}

/// <summary>
/// A hub's <c>handoff.status</c> event (<c>{"type":"event","name":"handoff.status","value":{"state":…,"message":…}}</c>):
/// only the state is read; the message is hub-defined and is neither trusted nor shown to the owner.
/// </summary>
public sealed record HandoffStatus(HandoffState State)
{
    public const string EventName = "handoff.status";

    public static bool Is(Activity activity) => activity.Type == "event" && activity.Name == EventName;

    /// <returns>Null with the status read, or why the body is refused (the caller answers 400 with it).</returns>
    public static string? TryRead(Activity activity, out HandoffStatus? status)
    {
        status = null;
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
            return "handoff.status needs a 'value' object with 'state'.";
        if (!value.TryGetProperty("state", out var state) || state.ValueKind != JsonValueKind.String)
            return "handoff.status needs 'value.state' as a string: accepted, failed or completed.";
        status = state.GetString() switch
        {
            "accepted" => new HandoffStatus(HandoffState.Accepted),
            "failed" => new HandoffStatus(HandoffState.Failed),
            "completed" => new HandoffStatus(HandoffState.Completed),
            _ => null,
        };
        return status is null ? $"handoff.status 'value.state' is '{state.GetString()}'; it must be accepted, failed or completed." : null;
    }
}
