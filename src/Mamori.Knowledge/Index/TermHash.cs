using System.Text;

namespace Mamori.Knowledge.Index;

/// <summary>
/// The term id of a normalized term: FNV-1a 32-bit over its UTF-8 bytes. Stable across processes and machines
/// (never string.GetHashCode, which is randomized), so the embedded store and Qdrant agree on every dimension.
/// </summary>
public static class TermHash
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    public static uint Of(string term)
    {
        Span<byte> buffer = term.Length <= 64 ? stackalloc byte[term.Length * 3] : new byte[Encoding.UTF8.GetMaxByteCount(term.Length)];
        int length = Encoding.UTF8.GetBytes(term, buffer);
        uint hash = OffsetBasis;
        foreach (byte b in buffer[..length])
        {
            hash ^= b;
            hash *= Prime;
        }
        return hash;
    }
}
