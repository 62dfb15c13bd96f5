using Mamori.Core;
using Mamori.Core.Conversations;
using Mamori.Core.Dialogs;
using Mamori.Core.Storage;
using Mamori.Knowledge.Tests.Answering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mamori.Knowledge.Tests.Interpreting;

/// <summary>
/// The bot as the host wires it (AddMamoriKnowledge, then AddMamoriCore: the real diagnosis, reader, engine and a
/// SQLite state file), with its chat model pointed at a loopback server, or with no model at all.
/// </summary>
internal sealed class InterpretingBot : IDisposable
{
    public static readonly ConversationKey Key = new("default", "c1");

    private readonly ServiceProvider _services;
    private readonly string _folder = Directory.CreateTempSubdirectory("mamori-interpret-").FullName;

    public InterpretingBot(LoopbackModelServer? server, int timeoutSeconds = 30, LogSink? logs = null, bool openAICompatible = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Knowledge:DataPath"] = Path.Combine(_folder, "data"),
            ["Mamori:State:SqlitePath"] = Path.Combine(_folder, "state.db"),
            ["Knowledge:Interpreting:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (server is not null && openAICompatible)
        {
            settings["Knowledge:OpenAI:Endpoint"] = server.BaseUrl + "/v1";
            settings["Knowledge:OpenAI:ApiKey"] = "test-key";
            settings["Knowledge:OpenAI:ChatModel"] = "gpt-test";
            settings["Knowledge:OpenAI:MaxRetries"] = "0";
        }
        else if (server is not null)
        {
            settings["Knowledge:AzureOpenAI:Endpoint"] = server.BaseUrl;
            settings["Knowledge:AzureOpenAI:ApiKey"] = "test-key";
            settings["Knowledge:AzureOpenAI:ChatDeployment"] = "chat-test";
            settings["Knowledge:AzureOpenAI:MaxRetries"] = "0";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs ?? new LogSink()).SetMinimumLevel(LogLevel.Debug))
            .AddMamoriKnowledge(configuration)
            .AddMamoriCore(configuration)
            .BuildServiceProvider();
    }

    public IServiceProvider Services => _services;

    public DialogEngine Engine => _services.GetRequiredService<DialogEngine>();

    public IDiagnosisFlow Flow => _services.GetRequiredService<IDiagnosisFlow>();

    public async Task<string> SendAsync(string text)
    {
        var result = await Engine.HandleAsync(new IncomingTurn(Key, "u1", text, "test"), CancellationToken.None);
        return string.Join("\n", result.Replies.Select(r => r.Text + (r.Choices.Count > 0 ? " [" + string.Join("][", r.Choices.Select(c => c.Label)) + "]" : "")));
    }

    public async Task<ConversationState> StateAsync() =>
        (await _services.GetRequiredService<IConversationStore>().LoadConversationAsync(Key, CancellationToken.None))!.State;

    public void Dispose()
    {
        _services.Dispose();
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
