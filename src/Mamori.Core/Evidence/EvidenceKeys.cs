using System.Security.Cryptography;
using System.Text;

namespace Mamori.Core.Evidence;

/// <summary>
/// Salted, per-tenant pseudonyms (HMAC-SHA256, 128 bits shown): the same owner of the same chamber always gets the same
/// company hash, so returning companies can be counted, but without the salt no id can be tested against a hash.
/// </summary>
public sealed class EvidenceKeys(byte[] salt)
{
    public string Company(string tenantId, string userId) => Hash("company", tenantId, userId);

    public string Conversation(string tenantId, string conversationId) => Hash("conversation", tenantId, conversationId);

    private string Hash(string kind, string tenantId, string id)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes($"{kind}\n{tenantId}\n{id}"), mac);
        return Convert.ToHexStringLower(mac[..16]);
    }

    /// <summary>The configured salt, else the one in the data folder, generated there on first use.</summary>
    public static EvidenceKeys Load(EvidenceOptions options, ContentRoot content)
    {
        if (!string.IsNullOrEmpty(options.Salt))
            return new EvidenceKeys(Encoding.UTF8.GetBytes(options.Salt));
        string path = content.Resolve(options.SaltPath);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                using var created = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                created.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
        }
        string saved = File.ReadAllText(path).Trim();
        if (saved.Length < 32)
            throw new FormatException($"{path}: the evidence salt is shorter than 32 characters; delete the file to have a new one generated (past hashes will no longer match).");
        return new EvidenceKeys(Encoding.UTF8.GetBytes(saved));
    }
}
