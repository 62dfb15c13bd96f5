using Mamori.Desk.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Mamori.Desk.Tests.Staff;

/// <summary>Staff passwords: the rules for a new one, and Identity's hasher behind hash and verify.</summary>
public sealed class StaffPasswordsTests
{
    private static readonly StaffPasswords Passwords = new();

    private static StaffAccount Account(string hash, bool disabled = false) =>
        new("id-1", "default", "sato", "佐藤", StaffRole.Staff, hash, DateTimeOffset.UnixEpoch, disabled);

    [Theory]
    [InlineData("short-pw-11", "at least 12 characters (it has 11)")]
    [InlineData("まもりのパスワード短い", "at least 12 characters (it has 11)")]
    [InlineData("sato.hanako1", "not be the login name")]
    [InlineData("ＳＡＴＯ．ＨＡＮＡＫＯ１", "not be the login name")]
    public void A_password_that_is_short_or_the_login_is_refused_and_not_echoed(string password, string reason)
    {
        Assert.False(Passwords.TryHash("sato.hanako1", password, out var hash, out var problem));
        Assert.Null(hash);
        Assert.Contains(reason, problem);
        Assert.DoesNotContain(password, problem);
    }

    [Fact]
    public void A_password_longer_than_the_limit_is_refused() =>
        Assert.Contains("at most", StaffPasswords.Problem("sato", new string('x', StaffPasswords.MaximumLength + 1)));

    [Fact]
    public void A_good_password_hashes_to_a_salted_hash_that_verifies_it_and_no_other()
    {
        Assert.True(Passwords.TryHash("sato", "しっかりした合言葉1234", out var hash, out var problem), problem);
        Assert.True(Passwords.TryHash("sato", "しっかりした合言葉1234", out var again, out _));

        Assert.NotEqual(hash, again);   // salted
        Assert.DoesNotContain("合言葉", hash);
        Assert.Equal(PasswordVerificationResult.Success, Passwords.Verify(Account(hash), "しっかりした合言葉1234"));
        Assert.Equal(PasswordVerificationResult.Failed, Passwords.Verify(Account(hash), "しっかりした合言葉1235"));
    }

    [Fact]
    public void A_hash_in_an_older_format_verifies_and_asks_to_be_rehashed()
    {
        var old = new StaffPasswords(Options.Create(new PasswordHasherOptions { CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV2 }));
        Assert.True(old.TryHash("sato", "correct horse battery", out var hash, out _));

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, Passwords.Verify(Account(hash), "correct horse battery"));
    }

    [Fact]
    public void An_unknown_or_disabled_account_never_verifies()
    {
        Assert.True(Passwords.TryHash("sato", "correct horse battery", out var hash, out _));

        Assert.Equal(PasswordVerificationResult.Failed, Passwords.Verify(null, "correct horse battery"));
        Assert.Equal(PasswordVerificationResult.Failed, Passwords.Verify(Account(hash, disabled: true), "correct horse battery"));
    }
}
