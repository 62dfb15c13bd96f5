namespace Mamori.Host.Media;

/// <summary>
/// Pictures the bot sends (the stage picture), served at /media/{id} so activities stay small. The id is 128 random
/// bits, which is the capability: an &lt;img&gt; cannot send a bearer token. Kept across restarts (and, in PostgreSQL,
/// across instances), so a transcript's pictures still show; bounded by total bytes
/// (<see cref="MediaOptions.MaxTotalBytes"/>), oldest first.
/// </summary>
/// <remarks><see cref="SqliteMediaStore"/> by default; the PostgreSQL one with <c>Storage:Provider=postgres</c>.</remarks>
public interface IMediaStore
{
    /// <summary>Stores the picture under a new random id (see <see cref="MediaId"/>) and returns the id.</summary>
    Task<string> AddAsync(byte[] content, string contentType, CancellationToken cancellationToken);

    Task<MediaItem?> FindAsync(string id, CancellationToken cancellationToken);
}

public sealed record MediaItem(byte[] Content, string ContentType);

internal static class MediaId
{
    public static string New() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
