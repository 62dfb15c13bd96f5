namespace Mamori.Knowledge.Index;

/// <summary>
/// A sparse vector in Qdrant's shape: term ids (FNV-1a 32-bit of the normalized term) ascending and unique, with one value each.
/// Documents carry the BM25 TF part; queries carry a weight per term (1 for the user's own terms).
/// </summary>
public sealed record SparseVector(uint[] Indices, float[] Values)
{
    public static SparseVector Empty { get; } = new([], []);

    public int Count => Indices.Length;

    /// <summary>Builds a vector from (term id, value) pairs; duplicate ids keep the largest value.</summary>
    public static SparseVector From(IEnumerable<KeyValuePair<uint, float>> pairs)
    {
        var merged = new SortedDictionary<uint, float>();
        foreach (var (id, value) in pairs)
            merged[id] = merged.TryGetValue(id, out var old) ? Math.Max(old, value) : value;
        return new SparseVector([.. merged.Keys], [.. merged.Values]);
    }
}
