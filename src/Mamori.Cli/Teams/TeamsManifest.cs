using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mamori.Cli.Teams;

/// <summary>
/// The <c>manifest.json</c> of Mamori's Teams app: one conversational bot in personal chats, group chats and team channels.
/// </summary>
internal static class TeamsManifest
{
    /// <summary>The Teams app manifest schema this manifest follows (the tests validate against its JSON schema).</summary>
    public const string SchemaVersion = "1.29";

    /// <summary>The brand blue of the web chat and favicon; Teams shows it behind the colour icon.</summary>
    public const string AccentColor = "#1F5FA8";

    public const string ColorIconFile = "color.png";
    public const string OutlineIconFile = "outline.png";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,   // the Japanese stays readable in the file
    };

    public static string Serialize(TeamsAppTarget target) => Build(target).ToJsonString(Json);

    public static JsonObject Build(TeamsAppTarget target)
    {
        var appId = target.AppId.ToString("D");
        var site = target.Host.AbsoluteUri;
        return new JsonObject
        {
            ["$schema"] = $"https://developer.microsoft.com/json-schemas/teams/v{SchemaVersion}/MicrosoftTeams.schema.json",
            ["manifestVersion"] = SchemaVersion,
            ["version"] = "1.0.0",
            // Teams wants a GUID here. The bot's app id is one, and stays the same for every package of the same bot, so
            // a new package updates the uploaded app instead of adding a second one (as Microsoft's bot samples do).
            ["id"] = appId,
            ["localizationInfo"] = new JsonObject { ["defaultLanguageTag"] = "ja-jp" },
            ["developer"] = new JsonObject
            {
                ["name"] = "Mamori",
                // The host's privacy page says what is kept and for how long; it has no terms page, so the chat stands for it.
                ["websiteUrl"] = site,
                ["privacyUrl"] = site + "privacy",
                ["termsOfUseUrl"] = site,
            },
            ["name"] = new JsonObject
            {
                ["short"] = "まもり",
                ["full"] = "まもり — 中小企業の情報セキュリティ対策の相談役",
            },
            ["description"] = new JsonObject
            {
                ["short"] = "中小企業の情報セキュリティ対策を、会話で診断してご案内します。",
                ["full"] = "まもりは、中小企業の情報セキュリティ対策を後押しする相談ボットです。"
                    + "いくつかの質問にボタンや文章でお答えいただくと、対策がどの段階で止まっているかを診断し、"
                    + "今週取り組めることと、使える支援策をご案内します。"
                    + "セキュリティについてのご質問には、出典を添えてお答えします。"
                    + "個人のチャットのほか、グループチャットやチームのチャネルでも、@まもり とメンションして話しかけられます。",
            },
            ["icons"] = new JsonObject { ["color"] = ColorIconFile, ["outline"] = OutlineIconFile },
            ["accentColor"] = AccentColor,
            ["bots"] = new JsonArray
            {
                new JsonObject
                {
                    ["botId"] = appId,
                    ["scopes"] = new JsonArray("personal", "team", "groupChat"),
                    ["supportsFiles"] = false,
                    ["isNotificationOnly"] = false,
                },
            },
            ["validDomains"] = new JsonArray(target.Domain),
        };
    }
}
