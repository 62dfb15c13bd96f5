using Mamori.Core.Conversations;

namespace Mamori.Core.Dialogs;

/// <summary>Told by the engine when a diagnosis completes (after the result is saved): the anonymised statistics listen here.</summary>
public interface IDiagnosisObserver
{
    Task CompletedAsync(ConversationKey conversation, string userId, DiagnosisSummary summary, CancellationToken cancellationToken);
}
