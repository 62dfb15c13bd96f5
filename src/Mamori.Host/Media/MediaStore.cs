using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Mamori.Host.Media;

/// <summary>
/// Pictures the bot sends (the stage picture), served at /media/{id} so activities stay small. The id is 128 random
/// bits, which is the capability: an &lt;img&gt; cannot send a bearer token. Bounded by total bytes; oldest go first.
/// </summary>
public sealed class MediaStore
{
    private const long MaxTotalBytes = 64L * 1024 * 1024;
    private readonly ConcurrentDictionary<string, MediaItem> _items = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private long _totalBytes;

    public string Add(byte[] content, string contentType)
    {
        string id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _items[id] = new MediaItem(content, contentType);
        _order.Enqueue(id);
        Interlocked.Add(ref _totalBytes, content.Length);
        while (Interlocked.Read(ref _totalBytes) > MaxTotalBytes && _order.TryDequeue(out string? oldest))
        {
            if (_items.TryRemove(oldest, out var removed))
                Interlocked.Add(ref _totalBytes, -removed.Content.Length);
        }
        return id;
    }

    public MediaItem? Find(string id) => _items.TryGetValue(id, out var item) ? item : null;
}

public sealed record MediaItem(byte[] Content, string ContentType);
