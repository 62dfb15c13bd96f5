using Mamori.Knowledge.Analysis;
using Mamori.Knowledge.Gate;
using Mamori.Knowledge.Index;

namespace Mamori.Knowledge.Tests.Gate;

public sealed class ScopeLexiconTests
{
    private static readonly ScopeLexicon Real =
        SynonymDictionary.Load(KnowledgeFixture.Content.Synonyms).Scope;

    [Theory]
    [InlineData("ｳｲﾙｽに感染したかも", "ウイルス")]
    [InlineData("バクアプって何回くらい取ればいい？", "バクアプ")]
    [InlineData("取引先から「口座変わりました」ってメール来た", "口座変わ")]
    [InlineData("宅配の不在通知のSMS来て、押してしもうた", "不在通知")]
    [InlineData("ルーターって更新が必要なんですか？買ってから10年触ってません", "ルーターって更新")]
    [InlineData("メールの送り先間違えた、お客さんの見積もり", "送り先間違")]
    [InlineData("ＶＰＮの機械って危ない？", "vpn")]
    [InlineData("サイバー保険って必要？", "サイバー")]
    [InlineData("カフェのWi-Fiで仕事してもいい？", "てもいい")]
    [InlineData("タダで聞けるとこってあります？", "聞けるとこ")]
    [InlineData("共有フォルダ、関係ない人にも見えてへん？", "関係ない人")]
    [InlineData("パソコン詳しい人が社内におらんし、雇う余裕もない", "詳しい人")]
    [InlineData("お客さん用のWi-Fiと店で使うWi-Fi、一緒でいいっけ？", "お客さん用")]
    [InlineData("社員がSNSに職場の写真上げてて、ヒヤッとした", "ヒヤッと")]
    [InlineData("スマホに番号届くやつ 面倒 必須？", "番号届く")]
    [InlineData("古いパソコン、粗大ごみでそのまま出していい？", "粗大ごみ")]
    [InlineData("新しく★3とか★4の評価の仕組みができるって聞いた", "★3")]
    public void Words_are_found_however_the_owner_typed_them(string question, string expected) =>
        Assert.Equal(JapaneseNormalizer.Normalize(expected), Real.FindScopeWord(JapaneseNormalizer.Normalize(question)));

    // Verbs are listed once, in dictionary form (守る, 防ぐ); the owner types them conjugated.
    [Theory]
    [InlineData("社員のスマホ、どうやって守ってあげたらええ？", "守っ")]
    [InlineData("こんなん防がれへんのちゃう？", "防が")]
    [InlineData("うちみたいな店でも狙いにくるん？", "狙い")]
    public void A_verb_is_found_in_its_other_forms(string question, string expected) =>
        Assert.Equal(JapaneseNormalizer.Normalize(expected), Real.FindScopeWord(JapaneseNormalizer.Normalize(question)));

    [Theory]
    [InlineData("パソコン")]
    [InlineData("スマホ")]
    [InlineData("ホームページ")]
    [InlineData("Wi-Fi")]
    [InlineData("補助金")]
    [InlineData("会計ソフト")]
    public void Everyday_words_of_near_domain_questions_are_not_security_topics(string word) =>
        Assert.Null(Real.FindScopeWord(JapaneseNormalizer.Normalize(word)));

    // 対策 is a topic only bare: asked of this bot, 「対策って何から？」 is security; 「SEO対策」「熱中症の対策」 belong to other fields.
    [Theory]
    [InlineData("うちの対策のレベル、簡単にチェックできる方法ない？", "うちの対策")]
    [InlineData("対策って何から始めればいい？", "対策")]
    [InlineData("熱中症の対策は？", null)]
    [InlineData("ねずみ対策どうすれば", null)]
    [InlineData("対策にお金かけたいけど、国の支援って何かあります？", "対策")]
    [InlineData("SEO対策ってどうやるの？", null)]
    [InlineData("節税対策を教えて", null)]
    [InlineData("コロナ対策の補助金は？", null)]
    public void A_shared_word_is_a_topic_only_when_nothing_qualifies_it(string question, string? expected) =>
        Assert.Equal(expected is null ? null : JapaneseNormalizer.Normalize(expected), Real.FindScopeWord(JapaneseNormalizer.Normalize(question)));

    // A phrase that holds a topic word and is none: marketing on LINE, a printer that lost its connection.
    [Theory]
    [InlineData("LINE公式アカウントの料金プラン、どれ選べばいい？", null)]
    [InlineData("事務所のプリンターがWi-Fiにつながらなくなった", null)]
    [InlineData("新しく買う事務用パソコン、メモリは何ギガあれば足りるもんだべ？", null)]
    [InlineData("社員の在宅勤務手当って、いくらくらいが相場なん？", null)]
    [InlineData("従業員の健康診断の結果は何年とっとかんといけんの", null)]
    [InlineData("Excelのファイルにかけたパスワード忘れた、開けたい", null)]              // a forgotten password is IT help
    [InlineData("店のインスタのアカウント、どう守ればええ？", "アカウント")]
    [InlineData("公式アカウントとは別に、店長個人のアカウントもある", "アカウント")]
    public void A_topic_word_inside_a_phrase_that_is_none_does_not_count(string question, string? expected) =>
        Assert.Equal(expected is null ? null : JapaneseNormalizer.Normalize(expected), Real.FindScopeWord(JapaneseNormalizer.Normalize(question)));

    [Fact]
    public void The_real_lexicon_loads_with_the_dictionary_and_tries_longer_programme_endings_first()
    {
        Assert.False(Real.IsEmpty);
        Assert.Contains("助成金", Real.ProgrammeHeads);
        Assert.True(Real.ProgrammeHeads.ToList().IndexOf("助成金") < Real.ProgrammeHeads.ToList().IndexOf("法"));
    }

    [Fact]
    public void A_dictionary_folder_without_a_scope_file_gives_an_empty_lexicon()
    {
        string dir = KnowledgeFixture.TempDirectory();
        string synonyms = Path.Combine(dir, "synonyms.yaml");
        File.WriteAllText(synonyms, "entries:\n  - owner: [身代金]\n    guideline: [ランサムウェア]\n");
        Assert.True(SynonymDictionary.Load(synonyms).Scope.IsEmpty);
    }

    [Theory]
    [InlineData("topics:\n  - ウイルス\n  - ''\n", "topics[1]")]
    [InlineData("topics: [ウイルス\n", "line")]
    public void A_broken_scope_file_names_the_file_and_the_place(string yaml, string place)
    {
        string path = Path.Combine(KnowledgeFixture.TempDirectory(), ScopeLexicon.FileName);
        File.WriteAllText(path, yaml);
        var ex = Assert.Throws<KnowledgeFormatException>(() => ScopeLexicon.Load(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains(place, ex.Message);
    }
}
