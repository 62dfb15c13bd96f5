namespace Mamori.Host.Desk;

/// <summary>Where an owner wrote from, as the desk's staff call it (the console's list and sheet, the notices).</summary>
internal static class ChannelNames
{
    public static string Japanese(string channel) => channel switch
    {
        "directline" or "webchat" or "widget" => "ウェブのチャット",
        "msteams" => "Microsoft Teams",
        "line" => "LINE",
        _ => channel,
    };
}
