using Mamori.Knowledge.Documents;
using Mamori.Knowledge.Index;

namespace Mamori.Knowledge.Tests.Documents;

public sealed class DocumentLoaderTests
{
    private const string Valid = """
        ---
        id: sample-doc
        title: サンプルの文書
        source:
          publisher: IPA（情報処理推進機構）
          url: https://www.ipa.go.jp/security/
          published: 2026-01-29
        reviewed: 2026-11-29
        stages: [measures]
        supportTypes: [knowledge, technical]
        region: national
        audience: owner
        ---
        # サンプルの文書

        ## すぐにやること
        ネットワークから外します。

        ## 出典
        - IPA https://www.ipa.go.jp/security/
        """;

    [Fact]
    public void Reads_front_matter_and_sections()
    {
        var doc = DocumentLoader.Parse("/k/docs/sample-doc.md", Valid);
        Assert.Equal("サンプルの文書", doc.Title);
        Assert.Equal(new DateOnly(2026, 1, 29), doc.Source.Published);
        Assert.Equal(["knowledge", "technical"], doc.SupportTypes);
        Assert.Equal(["すぐにやること", "出典"], doc.Sections.Select(s => s.Heading));
        Assert.Equal("ネットワークから外します。", doc.Sections[0].Body);
    }

    [Theory]
    [InlineData("title: サンプルの文書\n", "", "title")]
    [InlineData("published: 2026-01-29", "published: 29/01/2026", "source.published")]
    [InlineData("stages: [measures]", "stages: [fixing]", "stages")]
    [InlineData("audience: owner", "audience: ceo", "audience")]
    [InlineData("id: sample-doc", "id: other-doc", "id")]
    [InlineData("url: https://www.ipa.go.jp/security/\n", "url: www.ipa.go.jp\n", "source.url")]
    [InlineData("title: サンプルの文書\n", "title: サンプルの文書\ntopic: サンプルの文書についてのとても長いボタンの名前は？\n", "topic")]
    public void An_invalid_document_is_rejected_with_file_and_field(string replace, string with, string field)
    {
        var error = Assert.Throws<KnowledgeFormatException>(() => DocumentLoader.Parse("/k/docs/sample-doc.md", Valid.Replace(replace, with)));
        Assert.Equal("/k/docs/sample-doc.md", error.FilePath);
        Assert.Equal(field, error.Field);
        Assert.StartsWith("/k/docs/sample-doc.md: " + field, error.Message);
    }

    [Fact]
    public void Broken_yaml_names_the_file()
    {
        var error = Assert.Throws<KnowledgeFormatException>(() => DocumentLoader.Parse("/k/docs/sample-doc.md", Valid.Replace("stages: [measures]", "stages: [measures")));
        Assert.Equal("/k/docs/sample-doc.md", error.FilePath);
    }

    [Fact]
    public void Every_real_document_loads()
    {
        var docs = DocumentLoader.LoadFolder(KnowledgeFixture.Content.Docs);
        Assert.NotEmpty(docs);
        Assert.All(docs, d => Assert.NotEmpty(d.Sections));
    }

    [Fact]
    public void The_topic_is_the_short_button_label()
    {
        var doc = DocumentLoader.Parse("/k/docs/sample-doc.md", Valid.Replace("title: サンプルの文書\n", "title: サンプルの文書\ntopic: サンプルの話題は？\n"));
        Assert.Equal("サンプルの話題は？", doc.Topic);
        Assert.Null(DocumentLoader.Parse("/k/docs/sample-doc.md", Valid).Topic);
    }

    [Fact]
    public void Every_guideline_has_its_own_topic_that_fits_a_button_and_reads_as_a_question()
    {
        var docs = DocumentLoader.LoadFolder(KnowledgeFixture.Content.Docs);
        Assert.All(docs, d =>
        {
            Assert.False(d.Topic is null, $"{d.Id} has no topic");
            Assert.InRange(d.Topic!.Length, 8, DocumentLoader.MaxTopicLength);
            Assert.EndsWith("？", d.Topic);
        });
        Assert.Equal(docs.Count, docs.Select(d => d.Topic).Distinct().Count());
    }
}
