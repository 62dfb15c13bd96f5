using Microsoft.Extensions.AI;

namespace Mamori.Knowledge.Embeddings;

/// <summary>
/// Embeds many texts in fixed-size batches (the Azure OpenAI embeddings endpoint accepts at most 2048 inputs per
/// call, and smaller batches keep one failure from losing all the work), preserving order.
/// </summary>
public sealed class BatchingEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, int batchSize = 64)
{
    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var vectors = new List<float[]>(texts.Count);
        for (var start = 0; start < texts.Count; start += batchSize)
        {
            var batch = texts.Skip(start).Take(batchSize).ToArray();
            var embeddings = await generator.GenerateAsync(batch, cancellationToken: cancellationToken);
            if (embeddings.Count != batch.Length)
                throw new InvalidOperationException(
                    $"The embedding service returned {embeddings.Count} vectors for {batch.Length} texts (batch starting at {start}).");
            vectors.AddRange(embeddings.Select(e => e.Vector.ToArray()));
        }

        return vectors;
    }

    public async Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken) =>
        (await generator.GenerateAsync([text], cancellationToken: cancellationToken))[0].Vector.ToArray();
}
