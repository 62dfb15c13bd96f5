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
    [Required] public string DeskLiveWaiting { get; set; } = "";
    [Required] public string DeskQueueNext { get; set; } = "";
    [Required] public string DeskQueueAhead { get; set; } = "";
    [Required] public string DeskQueueTypical { get; set; } = "";
    [Required] public string DeskAway { get; set; } = "";
    [Required] public string DeskAwayHours { get; set; } = "";
    [Required] public string DeskContactChoices { get; set; } = "";
    [Required] public string DeskAskPhone { get; set; } = "";
    [Required] public string DeskAskEmail { get; set; } = "";
    [Required] public string DeskAskContactAgain { get; set; } = "";
    [Required] public string DeskContactByPhone { get; set; } = "";
    [Required] public string DeskContactByEmail { get; set; } = "";
    [Required] public string DeskContactByChat { get; set; } = "";
    [Required] public string DeskContactAfter { get; set; } = "";
    [Required] public string DeskMessageNoted { get; set; } = "";
    [Required] public string DeskTaken { get; set; } = "";
    [Required] public string DeskTransferred { get; set; } = "";
    [Required] public string DeskStaffSays { get; set; } = "";
    [Required] public string DeskHandedBack { get; set; } = "";
    [Required] public string DeskRatingQuestion { get; set; } = "";
    [Required] public string DeskRatingChoices { get; set; } = "";
    [Required] public string DeskRatingThanks { get; set; } = "";
    [Required] public string DeskEndedByOwner { get; set; } = "";
    [Required] public string DeskEndWords { get; set; } = "";
    [Required] public string PrivacyLink { get; set; } = "";
    [Required] public string LineTextOnly { get; set; } = "";
    [Required] public string LineMeasureLink { get; set; } = "";
    [Required] public string LineOneToOneOnly { get; set; } = "";
}
