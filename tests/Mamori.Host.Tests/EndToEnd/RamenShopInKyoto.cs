namespace Mamori.Host.Tests.EndToEnd;

/// <summary>
/// The owner of a 3-person ramen shop in Kyoto who has never thought about security, typing on the Web Chat page the
/// way he talks (関西弁, negations, no button labels). For each question: what he types and the code a careful person
/// would record.
/// </summary>
internal static class RamenShopInKyoto
{
    public const string Request = "うちの店を診断してほしい";

    public static readonly IReadOnlyDictionary<string, (string Typed, string Meant)> Replies = new Dictionary<string, (string, string)>
    {
        ["industry"] = ("ラーメン屋やってます", "food_service"),
        ["employees"] = ("社長のわしと嫁さんとバイト1人", "1-5"),
        ["prefecture"] = ("京都市伏見区", "kyoto"),
        ["it_dependence"] = ("レジが止まったらちょっと困るかもしれんけど、まあなんとかなるかなあ", "medium"),
        ["data_held"] = ("予約の電話で名前と電話番号は聞いてるで", "personal"),
        ["supply_chain"] = ("取引先からそんなん言われたことあらへん", "none"),
        ["it_plan"] = ("新しいもん入れる予定はないわ", "none"),
        ["mot_bids"] = ("入札なんか出えへんし、関係ないな", "no"),
        ["mot_duty"] = ("まあ、ちょっとは思うけどな", "some"),
        ["aw_target"] = ("うちみたいなラーメン屋、狙われへんやろ", "no"),
        ["aw_owner"] = ("誰も決めてへんわ", "none"),
        ["aw_cost"] = ("そんなん考えたこともないわ", "none"),
        ["inv_budget"] = ("予算なんてないです", "zero"),
        ["inv_incident"] = ("保険も何も用意してません", "none"),
        ["tal_person"] = ("わしが自分でたまにやるくらいや", "parttime"),
        ["tal_skill"] = ("正直、何したらええか分かってへん", "no"),
        ["tal_outside"] = ("相談できるとこなんかあらへん", "no"),
        ["m_updates"] = ("更新なんかしてへん", "no"),
        ["m_antivirus"] = ("ウイルス対策ソフトは入れてへん", "no"),
        ["m_passwords"] = ("パスワードは全部おんなじのを使い回してる", "no"),
        ["m_sharing"] = ("そんなん確認したことないわ", "no"),
        ["m_threats"] = ("バイトの子には何も言うてへん", "no"),
        ["m_backup"] = ("バックアップは取ってへん", "no"),
        ["m_policy"] = ("ルールなんか書いたもんはあらへん", "no"),
        ["m_incident_plan"] = ("何も決めてへん", "no"),
        ["m_review"] = ("見直しなんかしたことないわ", "no"),
    };

    /// <summary>
    /// Replies a careful person would also ask about, with the reason. Everything else he types is plain to a person
    /// (「わしが自分でたまにやるくらいや」 is 兼任の社員・社長, 「予算なんてないです」 is 0円), so the bot should not ask.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> TrulyAmbiguous = new Dictionary<string, string>
    {
        ["it_dependence"] = "「ちょっと困るかも…なんとかなる」: 一部で困る or ほぼ困らない",
    };
}
