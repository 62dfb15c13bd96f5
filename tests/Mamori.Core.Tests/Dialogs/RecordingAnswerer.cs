using Mamori.Core.Answering;
using Mamori.Core.Messages;

namespace Mamori.Core.Tests.Dialogs;

/// <summary>
/// Stands in for the knowledge answerer (which lives in Mamori.Knowledge, out of this project's reach): it records
/// the questions it was asked and answers with a fixed cited sentence. The real one is used in Mamori.Cli.Tests.
/// </summary>
internal sealed class RecordingAnswerer : IQuestionAnswerer
{
    public List<QuestionRequest> Requests { get; } = [];

    public Task<KnowledgeAnswer> AnswerAsync(QuestionRequest request, CancellationToken cancellationToken)
    {
        lock (Requests)
            Requests.Add(request);
        return Task.FromResult(new KnowledgeAnswer(
            "パスワードは長く、使い回さないことが大切です[1]。", true, "extractive",
            [new Citation("passwords", "パスワードの決め方", "https://example.org/passwords")]));
    }
}
