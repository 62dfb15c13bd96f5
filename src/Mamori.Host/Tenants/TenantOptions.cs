using System.ComponentModel.DataAnnotations;

namespace Mamori.Host.Tenants;

/// <summary>One chamber (or the default site): how its chat looks, who may embed it, where its owners are.</summary>
public sealed class TenantOptions
{
    [Required, MinLength(1)]
    public string DisplayName { get; set; } = "まもり";

    /// <summary>CSS colour of the header, the chat button and the user's bubbles.</summary>
    [RegularExpression("^#[0-9a-fA-F]{6}$")]
    public string PrimaryColor { get; set; } = "#1f5fa8";

    [RegularExpression("^#[0-9a-fA-F]{6}$")]
    public string AccentColor { get; set; } = "#e8f0fa";

    /// <summary>Sent before the bot's own greeting when a conversation starts; empty: none.</summary>
    public string? Greeting { get; set; }

    /// <summary>Sites that may embed the widget, call the API from the browser and mint tokens (e.g. https://www.example-cci.or.jp).</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>JIS romaji prefecture code of the chamber (tokyo, osaka …): local measures first.</summary>
    [RegularExpression("^[a-z]+$")]
    public string? Region { get; set; }

    /// <summary>Direct Line secret for the chamber's own server (tokens/generate). Never sent to a browser. Unset: none.</summary>
    public string? DirectLineSecret { get; set; }

    /// <summary>
    /// No longer used: one password shared by every adviser could not be limited, locked or audited per person. Bound
    /// only so that a configuration still setting it stops the host with a message saying what replaced it.
    /// </summary>
    public string? AdviserPassword { get; set; }

    public SupportDeskOptions SupportDesk { get; set; } = new();

    /// <summary>The desk as the owner is told of it: its own name, else the tenant's.</summary>
    public string DeskName => SupportDesk.Name is { Length: > 0 } name ? name : DisplayName;

    /// <summary>The chamber's own LINE Official Account; unset: no LINE webhook for this tenant.</summary>
    public LineAccountOptions Line { get; set; } = new();
}

/// <summary>From the LINE Developers console, Messaging API channel: the channel secret and a long-lived channel access token.</summary>
public sealed class LineAccountOptions
{
    /// <summary>Signs every webhook request (x-line-signature); never sent anywhere.</summary>
    public string? ChannelSecret { get; set; }

    /// <summary>Sends replies, pushes and the loading animation (Authorization: Bearer).</summary>
    public string? AccessToken { get; set; }

    /// <summary>The Messaging API's address; only tests point it elsewhere.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.line.me/";

    public bool IsConfigured => !string.IsNullOrEmpty(ChannelSecret) && !string.IsNullOrEmpty(AccessToken);
}

/// <summary>Where 「担当者と話したい」 goes.</summary>
public enum DeskHandoffMode
{
    /// <summary>A case for our desk console (Desk/Console), where the desk can be reached (Phone, Email or Url).</summary>
    Console,

    /// <summary>
    /// An external contact-centre hub (Dynamics 365 Omnichannel, LivePerson, Genesys …) listening on the Bot Framework
    /// channel: the bot sends handoff.initiate and stays silent until handoff.status completed or failed (docs/teams.md).
    /// </summary>
    Hub,
}

public sealed class SupportDeskOptions
{
    public DeskHandoffMode Handoff { get; set; } = DeskHandoffMode.Console;

    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Url { get; set; }

    /// <summary>Who is emailed when a case waits (through Desk:Notices:Smtp).</summary>
    public List<string> NoticeEmails { get; set; } = [];

    /// <summary>An incoming webhook (Teams Workflows, Slack) told when a case waits: a JSON {"text": …} POST.</summary>
    public string? NoticeWebhookUrl { get; set; }

    /// <summary>When staff answer in the chat (Japan time); unset: whenever one of them has the console open.</summary>
    public DeskHoursOptions? Hours { get; set; }

    /// <summary>How an owner reaches the desk, as one Japanese line (「電話 03-…、メール …」), or null when nothing is set.</summary>
    public string? ContactLine()
    {
        string[] ways = [.. new[] { Phone is { Length: > 0 } phone ? "電話 " + phone : null, Email is { Length: > 0 } email ? "メール " + email : null, Url }
            .Where(w => !string.IsNullOrEmpty(w)).OfType<string>()];
        return ways.Length == 0 ? null : string.Join("、", ways);
    }
}

/// <summary>The desk's opening hours in Japan time, e.g. Monday to Friday 09:00–17:00, except the dates listed.</summary>
public sealed class DeskHoursOptions
{
    public List<DayOfWeek> Days { get; set; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    [RegularExpression("^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    public string Opens { get; set; } = "09:00";

    [RegularExpression("^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    public string Closes { get; set; } = "17:00";

    /// <summary>Holidays and closing days (yyyy-MM-dd), e.g. the New Year break.</summary>
    public List<DateOnly> ClosedDates { get; set; } = [];
}
