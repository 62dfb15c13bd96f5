using Mamori.Knowledge.Analysis;
using Mamori.Knowledge.Documents;
using Mamori.Knowledge.Gate;
using Mamori.Knowledge.Index;

namespace Mamori.Knowledge.Tests.Gate;

public sealed class ProgrammeNamesTests
{
    private static KnowledgeChunk Chunk(string id, string text) =>
        new(id, id.Split('#')[0], "", "", text, "national", "https://example.org/", "テスト");

    private static readonly ProgrammeNames Names = Create();

    private static ProgrammeNames Create()
    {
        KnowledgeChunk[] chunks =
        [
            Chunk("subsidy#01-1", "IT導入補助金のセキュリティ対策推進枠は、小規模事業者も使えます。"),
            Chunk("tokyo#01-1", "東京都の助成金で機器を買えます。"),
            Chunk("law#01-1", "個人情報保護法の報告義務があります。"),
        ];
        var index = KnowledgeIndex.Build(chunks, JapaneseAnalyzer.Default, Bm25Parameters.Default, "names");
        string path = Path.Combine(KnowledgeFixture.TempDirectory(), ScopeLexicon.FileName);
        File.WriteAllText(path, "topics: [セキュリティ]\nprogrammeHeads: [補助金, 助成金, 法]\nnotProgrammes: [法人]\n");
        return new ProgrammeNames(ScopeLexicon.Load(path), index.Statistics, AnalyzerOptions.Default);
    }

    private static UnknownName? Find(string question) => Names.Find(JapaneseNormalizer.Normalize(question));

    [Theory]
    [InlineData("小規模事業者持続化補助金の締め切りは？", "持続化", "小規模事業者持続化補助金")]
    [InlineData("雇用調整助成金はもらえる？", "雇用調整", "雇用調整助成金")]
    [InlineData("電子帳簿保存法に対応したい", "電子帳簿保存", "電子帳簿保存法")]
    public void A_name_with_a_part_the_documents_never_use_is_found(string question, string part, string name)
    {
        var unknown = Find(question);
        Assert.Equal(part, unknown?.Part);
        Assert.Equal(name, unknown?.Name);
    }

    [Theory]
    [InlineData("IT導入補助金のセキュリティ枠は？")]
    [InlineData("東京都助成金で買える？")]
    [InlineData("個人情報保護法の報告は？")]
    [InlineData("県補助金はある？")]
    [InlineData("補助金はある？")]
    [InlineData("2026補助金")]
    public void Known_names_new_compounds_of_known_words_and_short_prefixes_pass(string question) =>
        Assert.Null(Find(question));

    [Theory]
    [InlineData("NPO法人でもサイバー保険に入れますか")]
    [InlineData("小さな社会福祉法人にも関係ありますか")]
    public void A_word_listed_as_no_programme_is_no_law_though_it_holds_法(string question) =>
        Assert.Null(Find(question));
}
