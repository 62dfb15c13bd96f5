using System.Security.Cryptography;

namespace Mamori.Host.Access;

/// <summary>
/// The token signing key of a host with none configured: 32 random bytes generated on the first start and kept in a file
/// only the host's user may read, so tokens, conversations and report links stay valid across restarts.
/// </summary>
internal static class SigningKeyFile
{
    private const int KeyBytes = 32;

    public static byte[] LoadOrCreate(string path, out bool created)
    {
        created = false;
        if (TryRead(path) is { } existing)
            return existing;

        if (Path.GetDirectoryName(path) is { } folder)
            Directory.CreateDirectory(folder);
        // Written aside and moved into place without overwriting: two hosts starting at once both end up with the winner's key.
        string temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)));
        try
        {
            File.Move(temporary, path, overwrite: false);
            created = true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
        return TryRead(path) ?? throw new InvalidDataException($"{path} does not hold a base64 signing key of {KeyBytes} bytes or more; delete it to generate a new one (Access:TokenSigningKeyFile).");
    }

    private static byte[]? TryRead(string path)
    {
        if (!File.Exists(path))
            return null;
        var bytes = new byte[512];
        return Convert.TryFromBase64String(File.ReadAllText(path).Trim(), bytes, out int written) && written >= KeyBytes
            ? bytes[..written]
            : throw new InvalidDataException($"{path} does not hold a base64 signing key of {KeyBytes} bytes or more; delete it to generate a new one (Access:TokenSigningKeyFile).");
    }
}
