using Mamori.Core.Answering;
using Mamori.Core.Dialogs;
using Mamori.Core.Storage;
using Mamori.Core.Tests.Diagnosis;
using Mamori.Core.Understanding;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mamori.Core.Tests.Dialogs;

/// <summary>A real engine on a real SQLite file in a temporary folder, with the repository's prompts/dialog wording.</summary>
internal sealed class TestBot : IDisposable
{
    private static readonly Lazy<DialogLanguage> SharedLanguage = new(() => DialogLanguage.Load(TestKnowledge.Folder));

    public TestBot(IQuestionAnswerer? answerer = null, IDiagnosisFlow? flow = null, IReplyInterpreter? interpreter = null)
    {
        Interpreter = interpreter;
        Folder = Directory.CreateTempSubdirectory("mamori-dialog-").FullName;
        DatabasePath = Path.Combine(Folder, "state.db");
        Answerer = answerer;
        Flow = flow ?? new SmallDiagnosisFlow();
        Store = new SqliteConversationStore(DatabasePath);
        Engine = CreateEngine(Store);
    }

    public string Folder { get; }

    public string DatabasePath { get; }

    public IQuestionAnswerer? Answerer { get; }

    public IDiagnosisFlow Flow { get; }

    public IReplyInterpreter? Interpreter { get; }

    public IConversationStore Store { get; private set; }

    public DialogEngine Engine { get; private set; }

    public static DialogLanguage Language => SharedLanguage.Value;

    /// <summary>As if the process restarted: a new store and a new engine on the same SQLite file.</summary>
    public void Restart()
    {
        Store = new SqliteConversationStore(DatabasePath);
        Engine = CreateEngine(Store);
    }

    public DialogEngine CreateEngine(IConversationStore store) =>
        new(store, Flow, Language, Options.Create(new DialogOptions()), Options.Create(new StateStoreOptions()),
            NullLogger<DialogEngine>.Instance, TimeProvider.System, Answerer, Interpreter);

    public ConversationScript Conversation(string conversationId = "c1", string userId = "u1", string tenant = "default") =>
        new(() => Engine, new ConversationKey(tenant, conversationId), userId);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pooled connection on another thread: the temp folder is cleaned by the OS later.
        }
    }
}
