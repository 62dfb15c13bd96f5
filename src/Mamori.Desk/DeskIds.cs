using System.Buffers.Text;
using System.Security.Cryptography;

namespace Mamori.Desk;

/// <summary>Ids for cases and staff: 128 random bits, base64url (22 characters), so nobody can guess a neighbour's.</summary>
public static class DeskIds
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}
