using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Mamori.Desk.Staff;

/// <summary>
/// Staff passwords: the rules a new one must meet, and hashing and checking through ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2 with a salt, its format versioned, compared in fixed time). A clear
/// password is never stored or logged, and never part of a message this class returns.
/// </summary>
public sealed class StaffPasswords(IOptions<PasswordHasherOptions>? options = null)
{
    public const int MinimumLength = 12;

    /// <summary>An upper bound keeps a megabyte "password" from costing a megabyte of hashing per login attempt.</summary>
    public const int MaximumLength = 256;

    private readonly PasswordHasher<StaffAccount> _hasher = new(options);
    private string? _decoy;

    /// <summary>Why <paramref name="password"/> cannot be used for <paramref name="login"/>, or null when it can.</summary>
    public static string? Problem(string login, string password)
    {
        int length = new StringInfo(password).LengthInTextElements;
        if (length < MinimumLength)
            return $"the password must have at least {MinimumLength} characters (it has {length})";
        if (length > MaximumLength)
            return $"the password must have at most {MaximumLength} characters";
        if (StaffAccount.LoginKey(password) == StaffAccount.LoginKey(login))
            return "the password must not be the login name";
        return null;
    }

    /// <summary>The hash to store, when the password meets the rules; otherwise why not.</summary>
    public bool TryHash(string login, string password, [NotNullWhen(true)] out string? hash, [NotNullWhen(false)] out string? problem)
    {
        problem = Problem(login, password);
        hash = problem is null ? HashUnchecked(password) : null;
        return hash is not null;
    }

    /// <summary>
    /// Success, SuccessRehashNeeded (store a new <see cref="TryHash"/> of the same password: the format or iteration count
    /// has moved on), or Failed. An unknown or disabled account fails after the same work as a wrong password, so the time
    /// taken does not tell which logins exist.
    /// </summary>
    public PasswordVerificationResult Verify(StaffAccount? account, string password)
    {
        if (account is null || account.Disabled)
        {
            _hasher.VerifyHashedPassword(null!, _decoy ??= HashUnchecked(DeskIds.New()), password);
            return PasswordVerificationResult.Failed;
        }
        return _hasher.VerifyHashedPassword(account, account.PasswordHash, password);
    }

    // Identity's hasher takes the user only for custom hashers to use; the default one ignores it, and a new account has no record yet.
    private string HashUnchecked(string password) => _hasher.HashPassword(null!, password);
}
