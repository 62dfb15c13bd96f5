using System.Diagnostics;
using Mamori.Core.Answering;

namespace Mamori.Host.Observability;

/// <summary>The knowledge answerer, timed and counted (answered or refused) for <see cref="MamoriMetrics"/>.</summary>
internal sealed class MeasuredAnswerer(IQuestionAnswerer inner, MamoriMetrics metrics) : IQuestionAnswerer
{
    public async Task<KnowledgeAnswer> AnswerAsync(QuestionRequest request, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        var answer = await inner.AnswerAsync(request, cancellationToken);
        metrics.Answer(request.TenantId, answer.Grounded, Stopwatch.GetElapsedTime(started));
        return answer;
    }
}
