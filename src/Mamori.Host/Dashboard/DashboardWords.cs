namespace Mamori.Host.Dashboard;

/// <summary>The dashboard's Japanese: names of the stages, support types, outcomes and tables.</summary>
internal static class DashboardWords
{
    public const string Title = "診断の集計";
    public const string Suppressed = "＊";

    public static string Stage(string code) => code switch
    {
        "motivation" => "動機付け",
        "awareness" => "経営者の認識",
        "investment" => "予算",
        "talent" => "人材",
        "measures" => "十分かつ妥当な対策",
        "none" => "壁なし",
        "undetermined" => "判定できず",
        _ => code,
    };

    public static string SupportType(string code) => code switch
    {
        "knowledge" => "知識",
        "financial" => "財務",
        "human" => "人的",
        "technical" => "技術",
        _ => code,
    };

    public static string Outcome(string row, string column) => (row, column) switch
    {
        ("diagnosed", _) => "診断した会社",
        ("repeat", _) => "もう一度診断した会社",
        ("report_opened", _) => "結果のページを開いた会社",
        ("measure_opened", _) => "支援策のページを開いた会社",
        ("case_opened", _) => "担当者に相談した会社",
        ("case_closed", "resolved") => "相談が解決した会社",
        ("case_closed", "referred") => "ほかの窓口を紹介した会社",
        ("case_closed", "no_response") => "連絡がつかなかった会社",
        ("case_closed", _) => "相談を終えた会社（その他）",
        ("rated", _) => "相談の満足度に答えた会社",
        _ => row,
    };

    public static string SuppressedNote(int k) => $"「{Suppressed}」は{k}社未満のため表示していません。";
}
