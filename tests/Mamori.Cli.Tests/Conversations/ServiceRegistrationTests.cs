using Mamori.Cli.Commands;
using Mamori.Core;
using Mamori.Core.Dialogs;
using Mamori.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mamori.Cli.Tests.Conversations;

/// <summary>AddMamoriCore as the host and the CLI call it: defaults that work with nothing configured, errors that name the setting.</summary>
public sealed class ServiceRegistrationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mamori-di-").FullName;

    [Fact]
    public async Task With_only_the_core_the_engine_greets_and_declines_questions_politely()
    {
        await using var services = Build(new() { ["Mamori:State:SqlitePath"] = Path.Combine(_folder, "sub", "state.db") });
        var engine = services.GetRequiredService<DialogEngine>();

        Assert.False(engine.CanAnswerQuestions);
        Assert.IsType<SqliteConversationStore>(services.GetRequiredService<IConversationStore>());
        var key = new ConversationKey("default", "di");
        var hello = await engine.StartAsync(key, "u", "test", CancellationToken.None);
        Assert.Contains("まもり", hello.Replies[0].Text);
        var answer = await engine.HandleAsync(new IncomingTurn(key, "u", "パスワードは何文字がいい？", "test"), CancellationToken.None);
        Assert.Contains("ただいまご質問にお答えできる状態ではありません", answer.Replies[0].Text);
        Assert.True(File.Exists(Path.Combine(_folder, "sub", "state.db")));
    }

    [Fact]
    public void The_chat_command_wires_the_real_knowledge_answerer()
    {
        using var services = ChatCommand.BuildServices(_folder);
        Assert.True(services.GetRequiredService<DialogEngine>().CanAnswerQuestions);
    }

    [Fact]
    public void The_memory_store_is_chosen_only_when_asked_for()
    {
        using var services = Build(new() { ["Mamori:State:Provider"] = "memory" });
        Assert.IsType<InMemoryConversationStore>(services.GetRequiredService<IConversationStore>());
    }

    [Fact]
    public void An_unknown_store_provider_is_refused_with_the_setting_named()
    {
        using var services = Build(new() { ["Mamori:State:Provider"] = "postgres-someday" });
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IConversationStore>());
        Assert.Contains("Mamori:State:Provider", error.Message);
    }

    [Fact]
    public void A_prompts_path_that_does_not_exist_is_named_in_the_error()
    {
        using var services = Build(new() { ["Mamori:Dialog:PromptsPath"] = Path.Combine(_folder, "nowhere") });
        var error = Assert.Throws<DirectoryNotFoundException>(() => services.GetRequiredService<DialogLanguage>());
        Assert.Contains("Mamori:Dialog:PromptsPath", error.Message);
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings.TryAdd("Mamori:State:SqlitePath", Path.Combine(_folder, "state.db"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddMamoriCore(configuration).BuildServiceProvider();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleanup if a file is still open.
        }
    }
}
