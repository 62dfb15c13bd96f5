using Mamori.Knowledge.Analysis;
using Mamori.Knowledge.Index;

namespace Mamori.Knowledge.Tests.Analysis;

public sealed class SynonymDictionaryTests
{
    private static readonly SynonymDictionary Real = SynonymDictionary.Load(KnowledgeFixture.Content.Synonyms);

    [Theory]
    [InlineData("身代金を払えと言われた", "ランサムウェア")]
    [InlineData("二段階認証ってやるべき？", "多要素認証")]
    [InlineData("メールが乗っ取られたかも", "不正ログイン")]
    [InlineData("ウイルスソフトはどれがいい", "ウイルス対策ソフト")]
    [InlineData("口座変更のメールが来た", "ビジネスメール詐欺")]
    [InlineData("ｻｰﾊﾞｰ の 2段階認証", "多要素認証")]
    public void Owner_words_expand_to_the_guideline_words(string question, string guidelineWord) =>
        Assert.Contains(JapaneseNormalizer.Normalize(guidelineWord), Real.Expand(JapaneseNormalizer.Normalize(question)));

    [Fact]
    public void Expansion_terms_weigh_less_than_the_users_own_words()
    {
        var analyzer = new QueryAnalyzer(JapaneseAnalyzer.Default, Real, QueryAnalyzerOptions.Default);
        var query = analyzer.Analyze("身代金を要求された");
        Assert.Equal(1f, query.Terms.Single(t => t.Term == "身代").Weight);
        Assert.Equal(QueryAnalyzerOptions.Default.ExpansionWeight, query.Terms.Single(t => t.Term == "k:" + JapaneseNormalizer.Normalize("ランサムウェア")).Weight);
    }

    [Fact]
    public void The_dictionarys_question_filler_is_no_term_of_the_question()
    {
        var analyzer = new QueryAnalyzer(JapaneseAnalyzer.Default, Real, QueryAnalyzerOptions.Default);
        var terms = analyzer.Analyze("バックアップについて教えてください").Terms.Select(t => t.Term).ToList();
        Assert.Contains("バッ", terms);
        Assert.DoesNotContain("教え", terms);
        Assert.DoesNotContain("つい", terms);
        Assert.Contains("教え", new QueryAnalyzer(JapaneseAnalyzer.Default, SynonymDictionary.Empty, QueryAnalyzerOptions.Default)
            .Analyze("バックアップについて教えてください").Terms.Select(t => t.Term));
    }

    [Fact]
    public async Task An_owner_word_finds_the_document_that_uses_the_guideline_word()
    {
        var result = await KnowledgeFixture.Retriever.RetrieveAsync(new RetrievalRequest("身代金を払えという画面が出た"), default);
        Assert.StartsWith("ransomware", result.Hits[0].Chunk.DocId);
    }

    [Fact]
    public void A_broken_dictionary_names_the_file_and_the_entry()
    {
        string path = Path.Combine(KnowledgeFixture.TempDirectory(), "synonyms.yaml");
        File.WriteAllText(path, "entries:\n  - owner: [身代金]\n");
        var error = Assert.Throws<KnowledgeFormatException>(() => SynonymDictionary.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("entries[0]", error.Message);
    }
}
