'use strict';

// The questions Mamori's load client is asked (knowledge/diagnosis/questions.yaml, first button each time), each with
// as many choices as Mamori offers besides 「わからない」, which every prompt adds. The load run checks that both bots
// offer as many buttons at every turn.
const UNKNOWN = 'わからない';
const RETRY_PROMPT = 'すみません、読み取れませんでした。ボタンから選んでください。';

const DONENESS = ['できている', '一部だけ', 'できていない'];

const QUESTIONS = [
    { topic: '業種', prompt: 'まず、御社の業種を教えてください。', choices: ['製造業', '建設業', '小売業', '卸売業', '飲食業', '医療・福祉', '士業・専門サービス', 'IT・ソフトウェア', '運輸・物流', 'その他'] },
    { topic: '従業員数', prompt: '従業員は何名ですか？ だいたいで大丈夫です。', choices: ['1〜5人', '6〜20人', '21〜50人', '51〜300人', '301人以上'] },
    { topic: '所在地', prompt: '会社のある地方を選んでください。', regions: true },
    { topic: 'ITが止まったときの影響', prompt: 'パソコンやネットが丸1日使えなくなったら、仕事はどうなりますか？', choices: ['仕事が止まる', '一部で困る', 'ほぼ困らない'] },
    { topic: '扱っている情報', prompt: '顧客の個人情報や、取引先の図面などを扱っていますか？', choices: ['顧客の個人情報', '取引先の機密・技術情報', '両方', 'ほとんどない'] },
    { topic: '取引先からの要請', prompt: '取引先（親会社など）から対策を求められたことはありますか？', choices: ['求められたことがある', '今後求められそう', 'ない'] },
    { topic: 'IT導入の予定', prompt: '1〜2年のうちに、ITを新しく入れる予定はありますか？', choices: ['補助金で導入予定', '自費で導入予定', '予定はない'] },
    { topic: '被害に遭う可能性', prompt: 'サイバー被害に遭うことはありうると思いますか？', choices: ['ありうると思う', 'もしかしたら', '遭わないと思う'] },
    { topic: '情報セキュリティの責任者', prompt: '情報セキュリティの責任者は決まっていますか？', choices: ['社長（自分）', '担当を決めている', '決めていない'] },
    { topic: '対策の年間予算', prompt: 'セキュリティ対策の予算は、年間でどれくらいですか？', choices: ['0円（予算なし）', '年10万円未満', '年10〜50万円', '年50万円以上'] },
    { topic: '対策の担当者', prompt: 'セキュリティ対策は、主に誰がしていますか？', choices: ['詳しい社員がいる', '兼任の社員・社長', '外部に任せている', '誰もいない'] },
    { topic: 'OS・ソフトの更新', prompt: 'パソコンのOS・ソフトは、最新に更新していますか？', choices: DONENESS },
    { topic: 'ウイルス対策ソフト', prompt: 'ウイルス対策ソフトを入れて、最新にしていますか？', choices: DONENESS },
    { topic: 'パスワードの強化', prompt: 'パスワードは長くして、使い回さないようにしていますか？', choices: DONENESS },
    { topic: '共有設定の見直し', prompt: '共有フォルダやクラウドは、他人に見られない設定ですか？', choices: DONENESS },
    { topic: '手口を社員に伝える', prompt: '怪しいメールの手口などを、社員に伝えていますか？', choices: DONENESS },
    { topic: 'バックアップ', prompt: 'データのバックアップを、定期的に取っていますか？', choices: DONENESS },
    { topic: '基本方針・社内ルールの文書', prompt: '基本方針や社内ルールを、文書にしていますか？', choices: DONENESS },
    { topic: '事故のときの連絡先と手順', prompt: '事故が起きたときの連絡先や手順を決めていますか？', choices: DONENESS },
    { topic: 'ルールの定期的な見直し', prompt: '決めたルールや対策を、定期的に見直していますか？', choices: DONENESS },
];

// The prefecture is asked in two steps, as Mamori does: the region, then its prefectures (with a way back).
const REGIONS = {
    '北海道・東北': ['北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県'],
    '関東': ['茨城県', '栃木県', '群馬県', '埼玉県', '千葉県', '東京都', '神奈川県'],
    '中部': ['新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県', '岐阜県', '静岡県', '愛知県', '三重県'],
    '近畿': ['三重県', '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県'],
    '中国・四国': ['鳥取県', '島根県', '岡山県', '広島県', '山口県', '徳島県', '香川県', '愛媛県', '高知県'],
    '九州・沖縄': ['福岡県', '佐賀県', '長崎県', '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県'],
};
const BACK_TO_REGIONS = '地方を選び直す';

module.exports = { QUESTIONS, UNKNOWN, RETRY_PROMPT, REGIONS, BACK_TO_REGIONS };
