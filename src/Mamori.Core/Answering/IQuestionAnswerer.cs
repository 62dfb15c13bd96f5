using Mamori.Core.Messages;

namespace Mamori.Core.Answering;

/// <summary>
/// Answers a free question from the knowledge base (implemented in Mamori.Knowledge).
/// The dialog engine calls it for questions typed at any point, including in the middle of the diagnosis.
/// </summary>
public interface IQuestionAnswerer
{
    Task<KnowledgeAnswer> AnswerAsync(QuestionRequest request, CancellationToken cancellationToken);
}

/// <param name="Question">What the user typed.</param>
/// <param name="History">Earlier lines of this conversation, oldest first, so that 「それはいくら？」 can be understood.</param>
/// <param name="Region">The company's prefecture code, or the tenant's region, when known (filters local documents).</param>
/// <param name="TenantId">The chamber whose widget or channel the user is on, when known.</param>
public sealed record QuestionRequest(
    string Question,
    IReadOnlyList<ConversationLine> History,
    string? Region = null,
    string? TenantId = null);

public sealed record ConversationLine(ConversationRole Role, string Text);

public enum ConversationRole
{
    User,
    Bot,
}

/// <param name="Answer">The Japanese answer shown to the user, with numbered citation marks.</param>
/// <param name="Grounded">False when the guidelines do not cover the question: the answer then says so and offers a human.</param>
/// <param name="Mode">"extractive" (no LLM configured) or "llm".</param>
public sealed record KnowledgeAnswer(string Answer, bool Grounded, string Mode, IReadOnlyList<Citation> Citations)
{
    /// <summary>
    /// When the evidence is middling (neither clearly covered nor clearly out of scope): the 2–3 likeliest topics, best
    /// first, and <see cref="Answer"/> asks which one is meant. Empty for an answer or a refusal. Each label is what the
    /// user sends back by pressing its button, and is answered from that document.
    /// </summary>
    public IReadOnlyList<TopicSuggestion> Suggestions { get; init; } = [];
}

/// <param name="Label">The button's text (at most 20 characters, LINE's limit), sent back as the user's next message.</param>
/// <param name="DocId">The guideline document the topic stands for.</param>
public sealed record TopicSuggestion(string Label, string DocId);
