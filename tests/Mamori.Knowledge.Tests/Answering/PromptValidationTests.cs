using Mamori.Knowledge.Answering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mamori.Knowledge.Tests.Answering;

/// <summary>A broken prompt file stops start-up with a message naming the file and the field.</summary>
public sealed class PromptValidationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mamori-prompts-" + Guid.NewGuid().ToString("n"));

    public PromptValidationTests()
    {
        Directory.CreateDirectory(_folder);
        var source = Path.Combine(FindRepoRoot(), "prompts");
        foreach (var file in Directory.GetFiles(source, "*.yaml"))
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void リポジトリのプロンプトはすべて読み込める()
    {
        var prompts = PromptLibrary.Load(_folder);

        Assert.Equal("answer", prompts.Answer.Name);
        Assert.Equal(["question", "sources"], prompts.Answer.InputVariables.Select(v => v.Name));
        Assert.Equal(0.0, Convert.ToDouble(prompts.Answer.ExecutionSettings["default"].ExtensionData!["temperature"]));
    }

    [Theory]
    [InlineData("answer.yaml", "template_format: semantic-kernel", "template_format: handlebars", "template_format")]
    [InlineData("answer.yaml", "name: answer", "nam: answer", "nam")]
    [InlineData("answer.yaml", "max_tokens: 700", "max_tokens: many", "execution_settings.default.max_tokens")]
    [InlineData("answer.yaml", "temperature: 0", "temprature: 0", "execution_settings.default.temprature")]
    [InlineData("answer.yaml", "  - name: sources", "  - name: source_list", "input_variables")]
    [InlineData("refuse.yaml", "name: refuse", "name: ''", "name")]
    [InlineData("rewrite-follow-up.yaml", "  </message>\n  <message role=\"user\">", "  <message role=\"user\">", "template")]
    [InlineData("answer-extractive.yaml", "{{$body}}", "{{$body}} {{$footer}}", "input_variables")]
    [InlineData("suggest-topics.yaml", "{{$topics}}", "{{$topic}}", "input_variables")]
    [InlineData("follow-up-words.yaml", "shortQuestion: 10", "shortQuestion: 1000", "shortQuestion")]
    [InlineData("follow-up-words.yaml", "  \"を\": [それを]", "  \"を\": []", "anaphors.を")]
    [InlineData("follow-up-words.yaml", "filler: [", "filler: ['', ", "filler[0]")]
    public void 壊れたプロンプトはファイル名と項目名を示して止まる(string file, string from, string to, string field)
    {
        var path = Path.Combine(_folder, file);
        var original = File.ReadAllText(path);
        Assert.Contains(from, original);   // the edit below must really change the file
        File.WriteAllText(path, original.Replace(from, to));

        var error = Assert.Throws<PromptFileException>(() => PromptLibrary.Load(_folder));

        Assert.Equal($"prompts/{file}", error.File);
        Assert.Equal(field, error.Field);
        Assert.StartsWith($"prompts/{file}: {field}: ", error.Message);
    }

    [Fact]
    public void ファイルがなければその名前を示す()
    {
        File.Delete(Path.Combine(_folder, "refuse.yaml"));

        var error = Assert.Throws<PromptFileException>(() => PromptLibrary.Load(_folder));

        Assert.Equal("prompts/refuse.yaml", error.File);
    }

    [Fact]
    public void 起動時の設定検証でもプロンプトの誤りを報告する()
    {
        File.WriteAllText(Path.Combine(_folder, "answer.yaml"), "name: answer\ntemplate_format: semantic-kernel\n");
        var services = new ServiceCollection()
            .AddMamoriKnowledge(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Knowledge:Answering:PromptsPath"] = _folder })
                .Build())
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AnsweringOptions>>().Value);

        Assert.Contains("prompts/answer.yaml: template:", error.Message);
    }

    [Theory]
    [InlineData("Knowledge:AzureOpenAI:Endpoint", "https://example.openai.azure.com/", "Knowledge:AzureOpenAI:ApiKey is required")]
    [InlineData("Knowledge:OpenAI:Endpoint", "http://127.0.0.1:1/v1", "neither Knowledge:OpenAI:ChatModel nor Knowledge:OpenAI:EmbeddingModel")]
    [InlineData("Knowledge:Qdrant:Url", "not a url", "Url")]
    public void 足りない設定は設定名を示して報告する(string key, string value, string expected)
    {
        var services = new ServiceCollection()
            .AddMamoriKnowledge(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build())
            .BuildServiceProvider();

        var error = Assert.ThrowsAny<OptionsValidationException>(() =>
        {
            _ = services.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value;
            _ = services.GetRequiredService<IOptions<OpenAICompatibleOptions>>().Value;
            _ = services.GetRequiredService<IOptions<Mamori.Knowledge.Qdrant.QdrantOptions>>().Value;
        });

        Assert.Contains(expected, error.Message);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "prompts")) && File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException("repository root not found");
    }
}
