using System.Security.Cryptography;
using System.Text;

namespace Mamori.Host.Channels.Line;

/// <summary>
/// The only proof that a webhook comes from LINE (its addresses are not published): x-line-signature is
/// Base64(HMAC-SHA256(channel secret, raw body)). Checked over the bytes as received, before any parsing, in constant time.
/// </summary>
internal static class LineSignature
{
    public const string Header = "x-line-signature";

    public static bool IsValid(ReadOnlySpan<byte> body, string? signature, string channelSecret)
    {
        if (string.IsNullOrEmpty(signature))
            return false;

        Span<byte> claimed = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!Convert.TryFromBase64String(signature, claimed, out int written) || written != HMACSHA256.HashSizeInBytes)
            return false;

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, claimed);
    }
}
