using Mamori.Core.Messages;

namespace Mamori.Host.Desk.Live;

/// <summary>Small helpers for the desk's owner-facing texts in host.ja.json (placeholders are filled with Core's DialogWording.Fill).</summary>
internal static class DeskWording
{
    /// <summary>A "a|b|c" list from the texts file, as button labels.</summary>
    public static string[] Labels(string list) => list.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static BotReply WithChoices(string text, string list) =>
        new() { Text = text, Choices = [.. Labels(list).Select(l => new ReplyChoice(l))] };
}
