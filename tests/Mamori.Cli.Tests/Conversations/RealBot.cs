using Mamori.Cli.Commands;
using Mamori.Core.Answering;
using Mamori.Core.Dialogs;
using Mamori.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mamori.Cli.Tests.Conversations;

/// <summary>
/// The bot as `mamori chat` wires it (AddMamoriCore + AddMamoriKnowledge: the real diagnosis, classifier, report and
/// knowledge answerer), on its own SQLite file. The loaded data is shared between tests; the state file is not.
/// </summary>
internal sealed class RealBot : IDisposable
{
    private static readonly Lazy<ServiceProvider> Shared = new(() => ChatCommand.BuildServices(
        Directory.CreateTempSubdirectory("mamori-cli-shared-").FullName));

    public RealBot()
    {
        Folder = Directory.CreateTempSubdirectory("mamori-cli-conv-").FullName;
        DatabasePath = Path.Combine(Folder, "state.db");
        Restart();
    }

    public string Folder { get; }

    public string DatabasePath { get; }

    public IConversationStore Store { get; private set; } = null!;

    public DialogEngine Engine { get; private set; } = null!;

    public static IServiceProvider Services => Shared.Value;

    /// <summary>As if the process restarted: a new store and engine on the same SQLite file.</summary>
    public void Restart()
    {
        Store = new SqliteConversationStore(DatabasePath);
        Engine = new DialogEngine(
            Store,
            Services.GetRequiredService<IDiagnosisFlow>(),
            Services.GetRequiredService<DialogLanguage>(),
            Options.Create(new DialogOptions()),
            Options.Create(new StateStoreOptions()),
            NullLogger<DialogEngine>.Instance,
            TimeProvider.System,
            Services.GetRequiredService<IQuestionAnswerer>());
    }

    public ConversationScript Conversation(string conversationId = "c1", string userId = "u1") =>
        new(() => Engine, new ConversationKey("default", conversationId), userId);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleanup if a file is still open.
        }
    }
}
