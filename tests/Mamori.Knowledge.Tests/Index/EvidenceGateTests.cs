using Mamori.Knowledge.Index;

namespace Mamori.Knowledge.Tests.Index;

/// <summary>
/// What an owner notices about the evidence gate on the real guidelines: near-domain questions (other subsidies, everyday
/// IT trouble, shopping) are refused instead of being answered from a passage that only mentions their words in passing,
/// while security questions, including the security track of the IT subsidy, are still answered.
/// </summary>
public sealed class EvidenceGateTests
{
    private static async Task<EvidenceVerdict> Judge(string question) =>
        (await KnowledgeFixture.Retriever.RetrieveAsync(new RetrievalRequest(question), default)).Verdict;

    [Theory]
    [InlineData("小規模事業者持続化補助金の締め切りは？")]
    [InlineData("雇用調整助成金の申請方法を教えて")]
    [InlineData("セキュリティ対策に雇用調整助成金は使える？")]
    [InlineData("明日の天気は？")]
    [InlineData("Wi-Fiが遅いので速くしたい")]
    [InlineData("スマホの機種変更、どこの店が安い？")]
    [InlineData("ホームページ作るのっていくらくらいかかるもんですか")]   // offTopics: its words fill the website-security document
    [InlineData("ほーむぺーじ を つくるのに いくらくらい かかりますか")]
    [InlineData("Airレジのパスワード忘れてログインできん、再設定どうやるん")]   // a forgotten password is a support desk's job
    [InlineData("ETCカードなくした、再発行どうする")]
    [InlineData("ネットのバックアップ回線、光とモバイルどっちが安い？")]   // a spare line, no backup of data
    public async Task Questions_the_guidelines_do_not_cover_are_refused(string question)
    {
        var verdict = await Judge(question);
        Assert.False(verdict.Answerable, verdict.Reason);
    }

    [Theory]
    [InlineData("デジタル化・AI導入補助金のセキュリティ対策推進枠はいくら出る？")]
    [InlineData("IT導入補助金のセキュリティの枠で何が買える？")]
    [InlineData("東京都の助成金でUTMを買える？")]
    [InlineData("パスワードは何文字？")]
    [InlineData("カフェのWi-Fiで仕事しても大丈夫？")]
    [InlineData("取引先からのメールの振込先が変わってた")]
    [InlineData("ホームページを作るときのセキュリティで気をつけることは？")]   // with a security word, off-topic words don't refuse
    [InlineData("あやしい めーる か どうか どこを みれば わかりますか")]         // hiragana: めーる is メール, あやしい 怪しい
    [InlineData("事務所のパソコンまだWindows10なんだけど、このまま使ったらいかん？")]
    [InlineData("ドライバーのスマホに「お荷物届けに来ましたが不在」ってSMS来とる")]
    [InlineData("若い社員が倉庫の写真をインスタに上げとった。伝票が写っとる")]   // a photo posted: the SNS document
    [InlineData("パソコン開いたら全部のファイルが開けんくて、英語の脅迫文みたいなのが出とる")]
    public async Task Security_questions_are_answered(string question)
    {
        var verdict = await Judge(question);
        Assert.True(verdict.Answerable, verdict.Reason);
    }

    [Fact]
    public async Task A_subsidy_we_have_no_document_for_is_named_in_the_reason()
    {
        var verdict = await Judge("小規模事業者持続化補助金の次の締め切りはいつ？");
        Assert.Equal("持続化", verdict.UnknownName?.Part);
        Assert.Contains("持続化補助金", verdict.Reason);
    }

    [Fact]
    public async Task A_question_without_a_security_word_says_so_in_the_reason()
    {
        var verdict = await Judge("Wi-Fiの電波が弱いので強くしたい");
        Assert.False(verdict.OnTopic);
        Assert.Null(verdict.ScopeWord);
        Assert.Contains("no security topic", verdict.Reason);
    }

    [Fact]
    public async Task Everyday_trouble_in_a_few_words_is_off_topic_whatever_the_coverage()
    {
        var verdict = await Judge("Wi-Fiが遅いので速くしたい");
        Assert.False(verdict.OnTopic);
        Assert.Contains("「が遅い」 without a security word", verdict.Reason);
    }

    [Fact]
    public async Task A_word_of_worry_makes_an_everyday_question_a_security_question()
    {
        var verdict = await Judge("ホテルのWi-Fiで仕事のメールを見るのは危ない？");
        Assert.True(verdict.OnTopic);
        Assert.Equal("危な", verdict.ScopeWord);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void An_off_topic_bar_outside_0_to_1_is_rejected_with_its_setting_named(double bar)
    {
        var options = RetrievalOptions.Default with { Gate = EvidenceGateOptions.Default with { MinOffTopicCoverage = bar } };
        var index = KnowledgeFixture.Retriever.Index;
        var ex = Assert.Throws<ArgumentException>(() =>
            new KnowledgeRetriever(EmbeddedChunkStore.From(index), index, Mamori.Knowledge.Analysis.SynonymDictionary.Empty, options));
        Assert.Contains("Knowledge:Retrieval:Gate:MinOffTopicCoverage", ex.Message);
    }
}
