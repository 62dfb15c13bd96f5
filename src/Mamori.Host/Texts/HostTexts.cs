using System.ComponentModel.DataAnnotations;

namespace Mamori.Host.Texts;

/// <summary>
/// The host's own Japanese wording (page labels, the citations heading, error replies). It lives in Texts/host.ja.json,
/// not in code, and any key can be overridden in configuration like every other setting.
/// </summary>
public sealed class HostTexts
{
    public const string Section = "HostTexts";

    [Required] public string ChatTitleSuffix { get; set; } = "";
    [Required] public string SendBoxPlaceholder { get; set; } = "";
    [Required] public string OpenChat { get; set; } = "";
    [Required] public string CloseChat { get; set; } = "";
    [Required] public string ChatFrameTitle { get; set; } = "";
    [Required] public string WebChatMissing { get; set; } = "";
    [Required] public string ConnectionLost { get; set; } = "";
    [Required] public string CitationsHeading { get; set; } = "";
    [Required] public string ReportLinkLabel { get; set; } = "";
    [Required] public string TurnFailed { get; set; } = "";
    [Required] public string ReportTitle { get; set; } = "";
    [Required] public string ReportPrint { get; set; } = "";
    [Required] public string ReportGenerated { get; set; } = "";
    [Required] public string ReportNotFound { get; set; } = "";
    [Required] public string ReportLinkExpired { get; set; } = "";
    [Required] public string ReportSupportDesk { get; set; } = "";
    [Required] public string ReportDisclaimer { get; set; } = "";
    [Required] public string DeskCaseOpened { get; set; } = "";
    [Required] public string DeskCaseAlreadyOpen { get; set; } = "";
    [Required] public string HubHandedOver { get; set; } = "";
    [Required] public string HubFailed { get; set; } = "";
    [Required] public string HubFailedContact { get; set; } = "";
    [Required] public string HubCompleted { get; set; } = "";
    [Required] public string PrivacyLink { get; set; } = "";
    [Required] public string LineTextOnly { get; set; } = "";
    [Required] public string LineMeasureLink { get; set; } = "";
    [Required] public string LineOneToOneOnly { get; set; } = "";
}
