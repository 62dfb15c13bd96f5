namespace Mamori.Desk.Cases;

/// <summary>
/// One message in a case's chat. <see cref="Sequence"/> is 1, 2, 3… per case, given by the store, so a console that
/// reconnects asks for what came after the last number it showed and gets nothing twice and nothing missing.
/// </summary>
/// <param name="StaffId">The staff member who wrote it, for <see cref="MessageSender.Staff"/> only.</param>
public sealed record CaseMessage(string CaseId, long Sequence, MessageSender From, string? StaffId, string Text, DateTimeOffset At);

public enum MessageSender
{
    Owner,
    Staff,
    /// <summary>Mamori itself: "the case was taken", "handed back to the bot"….</summary>
    System,
}
