using System.Globalization;
using Mamori.Desk.Cases;

namespace Mamori.Host.Desk.Console;

/// <summary>The console's Japanese: names of channels, states, outcomes and barriers, and the notices it shows.</summary>
internal static class DeskWords
{
    public const string ConsoleTitle = "相談窓口コンソール";
    public const string LoginFailed = "ログインIDまたはパスワードが違います。";
    public const string LoginMissing = "ログインIDとパスワードを入力してください。";
    public static string LoginLocked(int minutes) =>
        $"パスワードの誤りが続いたため、このログインIDは{minutes}分間ロックされています。時間をおいてからお試しください。パスワードがわからない場合は、窓口の管理者にご相談ください。";

    public const string LoginTooMany = "ログインの試行が多すぎます。1分ほど待ってから、もう一度お試しください。";
    public const string FormExpired = "フォームの有効期限が切れたか、正しく送信されませんでした。ページを開き直して、もう一度お試しください。";
    public const string NotSignedIn = "ログインしてください。";
    public const string CaseNotFound = "この相談は見つかりません。受付番号や一覧から開き直してください。";
    public const string NoCaseReport = "この相談には報告書がありません。報告書は、診断の結果が出たあとに相談された場合にできます。";

    public const string PageNotFound = "お探しのページは見つかりません。";
    public const string Conflict = "ほかの方がこの相談を先に更新しました。最新の内容を表示しています。確認してから、もう一度操作してください。";
    public const string NotAllowed = "この相談には、いまその操作はできません。最新の内容を表示しています。";
    public const string NotYours = "この相談はほかの担当者が対応中のため、操作できません。";
    public const string BadVersion = "送信内容が正しくありません。ページを開き直してから、もう一度操作してください。";
    public const string NoColleague = "引き継ぐ相手を選んでください。";
    public const string NoOutcome = "対応の結果を選んでください。";
    public const string NotesTooLong = "メモは2000文字以内で入力してください。";
    public const string BadReference = "受付番号は6桁の数字で入力してください（例: 123-456）。";
    public const int NotesMaxLength = 2000;
    public const string SendNotYours = "チャットで返信できるのは、この相談の担当者だけです。先に担当になってください。";
    public const string SendNoChat = "この相談はチャットではお返事できません（電話で受け付けた相談か、お客さまが取り下げました）。";
    public const string SendEmpty = "送る文章を入力するか、定型文を選んでください。";
    public const string SendTooLong = "チャットの文章は1000文字以内で入力してください。";
    public const int MessageMaxLength = 1000;

    /// <summary>Replies staff send often, written once; the console offers them beside the text box.</summary>
    public static readonly IReadOnlyList<(string Key, string Label, string Text)> CannedReplies =
    [
        ("greeting", "はじめのあいさつ", "お待たせしました。ご相談ありがとうございます。診断の内容を拝見しました。どのようなことでお困りですか？"),
        ("checking", "確認します", "確認しますので、少しお待ちください。"),
        ("callback", "お電話で続ける", "くわしくはお電話でお話を伺えればと思います。ご都合のよい時間帯とお電話番号を教えていただけますか？"),
        ("visit", "窓口へのご案内", "一度、窓口で直接ご相談いただくこともできます。ご都合のよい日をお知らせください。"),
        ("closing", "おわりのあいさつ", "ほかにご不明な点はありますか？ なければ、まもりとの会話に戻します。ご相談ありがとうございました。"),
    ];

    public static string? Canned(string? key) => CannedReplies.FirstOrDefault(c => c.Key == key).Text;

    public static string State(CaseState state) => state switch
    {
        CaseState.Waiting => "対応待ち",
        CaseState.Taken => "対応中",
        CaseState.Closed => "対応済み",
        CaseState.Cancelled => "ご本人が取り消し",
        _ => state.ToString(),
    };

    /// <summary>The outcomes offered when closing, with the form value of each.</summary>
    public static readonly IReadOnlyList<(CaseOutcome Outcome, string Value, string Label)> Outcomes =
    [
        (CaseOutcome.Resolved, "resolved", "解決した"),
        (CaseOutcome.Referred, "referred", "他の窓口を案内した"),
        (CaseOutcome.NoResponse, "no_response", "連絡がつかなかった"),
        (CaseOutcome.Other, "other", "その他"),
    ];

    public static string Outcome(CaseOutcome outcome) =>
        Outcomes.FirstOrDefault(o => o.Outcome == outcome).Label ?? outcome.ToString();

    public static string Barrier(string code) => code switch
    {
        "motivation" => "取り組む動機",
        "awareness" => "リスクの認識",
        "investment" => "費用・投資",
        "talent" => "人材",
        "measures" => "対策の実施",
        _ => code,
    };

    public static string Contact(ContactMethod method) => method switch
    {
        ContactMethod.Phone => "電話",
        ContactMethod.Email => "メール",
        ContactMethod.Chat => "同じチャットで返信",
        _ => "希望なし",
    };

    public static string Done(string? done) => done switch
    {
        "taken" => "この相談の担当になりました。",
        "transferred" => "担当を引き継ぎました。",
        "closed" => "この相談を終了しました。",
        "sent" => "お客さまに送りました。",
        "undelivered" => "記録しましたが、お客さまのチャットに届けられませんでした（お客さまのチャットが閉じられたか、長く使われずに消えた可能性があります）。連絡の希望があれば、そちらでご連絡ください。",
        _ => "",
    };

    private static readonly TimeZoneInfo Japan = FindJapan();

    /// <summary>Japan time, as the desk reads it: 「12月3日 15:04」.</summary>
    public static string Time(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Japan).ToString("M月d日 HH:mm", CultureInfo.InvariantCulture);

    public static string Minutes(DateTimeOffset since, DateTimeOffset now)
    {
        int minutes = Math.Max(0, (int)(now - since).TotalMinutes);
        return minutes.ToString(CultureInfo.InvariantCulture) + "分";
    }

    private static TimeZoneInfo FindJapan()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("JST", TimeSpan.FromHours(9), "JST", "JST");   // Japan has no daylight saving time
        }
    }
}
