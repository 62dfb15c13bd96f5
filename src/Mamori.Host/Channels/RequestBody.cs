using System.Buffers;

namespace Mamori.Host.Channels;

/// <summary>Reads a request body up to a limit without trusting Content-Length; null means "too large".</summary>
internal static class RequestBody
{
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
            return null;

        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is > 0 and var length ? (int)length : 4096);
        while (true)
        {
            var memory = buffer.GetMemory(8192);
            int read = await request.Body.ReadAsync(memory, ct);
            if (read == 0)
                return buffer.WrittenSpan.ToArray();
            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
                return null;
        }
    }
}
