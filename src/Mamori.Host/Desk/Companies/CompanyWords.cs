using System.Globalization;
using Mamori.Core.Domain;
using Mamori.Desk.Advisers;
using Mamori.Host.Desk.Console;

namespace Mamori.Host.Desk.Companies;

/// <summary>The Japanese of the advisers' pages (会社の診断), written for a chamber adviser sitting with an owner.</summary>
internal static class CompanyWords
{
    public const string Title = "会社の診断";
    public const string Intro = "経営者の方と一緒に（または経営者の方に代わって）診断を行い、結果を会社ごとに残せます。登録できるのは、経営者の方の同意を得た会社だけです。";
    public const string Consent = "この会社の診断結果を窓口で保存することについて、経営者の方の同意を得ました";
    public const string NoConsent = "経営者の方の同意を得たことを確かめて、同意の欄にチェックを入れてください。同意のない会社は登録できません。";
    public const string NameMissing = "会社名を入力してください。";
    public const string CompanyNotFound = "この会社は見つかりません。削除されたか、アドレスが違う可能性があります。会社の一覧から開き直してください。";
    public const string BadAnswer = "回答の内容を読み取れませんでした。ページを開き直してから、もう一度お試しください。";
    public const string NoReport = "この会社には、印刷できる診断結果がまだありません。先に診断を行ってください。";
    public const string DeleteUnconfirmed = "削除する場合は、確認の欄にチェックを入れてください。";
    public const string DeleteConfirm = "この会社とすべての診断結果を削除します。元に戻せないことを確認しました";
    public const string NotAsked = "（お聞きしていません）";
    public const string DiagnoseHint = "経営者の方に質問を読み上げて、近い答えを選んでください。分からない項目は「わからない」のままで大丈夫です。前の答えによっては使わない質問もあり、その答えは保存しません。";

    public const string Undetermined = "判定できません（「わからない」が多いため）";

    public const int NameMaxLength = 100;
    public const int ContactMaxLength = 100;
    public const int MemoMaxLength = 1000;

    public static readonly string NameTooLong = $"会社名は{NameMaxLength}文字以内で入力してください。";
    public static readonly string ContactTooLong = $"担当者名は{ContactMaxLength}文字以内で入力してください。";
    public static readonly string MemoTooLong = $"メモは{MemoMaxLength}文字以内で入力してください。";

    public static string Done(string? done) => done switch
    {
        "added" => "会社を登録しました。続けて診断を行えます。",
        "diagnosed" => "診断の結果を保存しました。",
        "deleted" => "会社とその診断結果を削除しました。",
        _ => "",
    };

    /// <summary>The run's main barrier; an undetermined run (no step) names none, which is not the same as having none.</summary>
    public static string Barrier(CompanyDiagnosis run) =>
        run.MaturityStep is null ? Undetermined : run.PrimaryBarrier is { } stage ? DeskWords.Barrier(stage.Code()) : "特になし";

    public static string Step(CompanyDiagnosis run) =>
        run.MaturityStep is { } n ? $"ステップ {n.ToString(CultureInfo.InvariantCulture)}（4段階）" : Undetermined;

    /// <summary>Japan time with the year, since runs are compared across months: 「2026年12月3日 15:04」.</summary>
    public static string Date(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);
}
