using Mamori.Core.Conversations;
using Mamori.Core.Messages;

namespace Mamori.Core.Dialogs;

/// <summary>What a dialog step wants sent, in order. A step never does I/O: answering a question is left to the engine.</summary>
internal abstract record Outgoing;

internal sealed record Say(BotReply Reply) : Outgoing;

/// <summary>Ask the knowledge answerer and show its answer here.</summary>
internal sealed record AnswerQuestion(string Question) : Outgoing;

/// <summary>
/// A reply the reading could not place, with a reply interpreter registered: the engine asks it (after the save) and
/// applies <see cref="DiagnosisStep.ApplyGuess"/>, which asks the guess back or re-prompts.
/// </summary>
internal sealed record InterpretReply(Understanding.ReplyToPlace Request) : Outgoing;

/// <summary>The result of applying one turn to a state: the next state and what to send.</summary>
/// <param name="Handoff">The user asked for a person.</param>
/// <param name="Ended">The user said goodbye outside the diagnosis.</param>
/// <param name="Completed">Set on the turn that finished the diagnosis: remembered as the user's last result.</param>
internal sealed record TurnOutcome(
    ConversationState State,
    IReadOnlyList<Outgoing> Outgoing,
    bool Handoff = false,
    DiagnosisSummary? Completed = null,
    bool Ended = false);
