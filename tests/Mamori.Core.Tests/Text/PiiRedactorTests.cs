using Mamori.Core.Text;

namespace Mamori.Core.Tests.Text;

public sealed class PiiRedactorTests
{
    // What an owner might type, and what may be logged or sent to a model instead.
    public static TheoryData<string, string> Redacted => new()
    {
        { "電話は03-1234-5678です", "電話は〔電話番号〕です" },
        { "携帯 090-1234-5678 にお願いします", "携帯 〔電話番号〕 にお願いします" },
        { "０９０－１２３４－５６７８に折り返してください", "〔電話番号〕に折り返してください" },
        { "０３ー１２３４ー５６７８まで", "〔電話番号〕まで" },
        { "番号は09012345678", "番号は〔電話番号〕" },
        { "(03)1234-5678へ", "〔電話番号〕へ" },
        { "+81 90-1234-5678", "〔電話番号〕" },
        { "メールは taro.yamada@example.co.jp です", "メールは 〔メール〕 です" },
        { "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐに送って", "〔メール〕に送って" },
        { "〒100-0005 東京都千代田区丸の内1-2-3", "〔郵便番号〕 〔住所〕" },
        { "〒５３０－０００１", "〔郵便番号〕" },
        { "住所は大阪市北区梅田2丁目4番9号です", "住所は〔住所〕です" },
        { "マイナンバーは1234 5678 9012です", "マイナンバーは〔個人番号〕です" },
        { "個人番号123456789012", "個人番号〔個人番号〕" },
        { "カードは4111-1111-1111-1111", "カードは〔カード番号〕" },
        { "取引先の田中さんから連絡がありました", "取引先の〔氏名〕さんから連絡がありました" },
        { "佐藤 花子様へ", "〔氏名〕様へ" },
        { "経理の鈴木殿", "経理の〔氏名〕殿" },
        { "マイケルさんが担当です", "〔氏名〕さんが担当です" },
        { "ユウキちゃんに聞いて", "〔氏名〕ちゃんに聞いて" },
    };

    // Segment facts and everyday words that look a little like personal data but are not.
    public static TheoryData<string> Kept => new()
    {
        "従業員10人",
        "2026年12月",
        "予算は30万円",
        "2026-12-04に更新しました",
        "お客様の名簿があります",
        "業者さんに任せています",
        "ベンダーさんの言いなりです",
        "社長さんが決めます",
        "東京都の会社です",
        "市内に3店舗あります",
        "パソコンは5台、年商1億2000万円",
        "皆さんに聞きました",
        "大手のお客さんにセキュリティちゃんとしてるか聞かれた",
        "バックアップちゃんと取ってます",
    };

    [Theory, MemberData(nameof(Redacted))]
    public void Personal_data_is_replaced_by_a_placeholder(string typed, string logged) =>
        Assert.Equal(logged, PiiRedactor.Redact(typed));

    [Theory, MemberData(nameof(Kept))]
    public void Counts_dates_amounts_and_role_words_stay_as_written(string typed) =>
        Assert.Equal(typed, PiiRedactor.Redact(typed));
}
