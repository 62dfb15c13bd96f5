namespace Mamori.Desk.Cases;

/// <summary>
/// How the owner asked to be contacted when nobody could answer at once, and when they agreed to it: the consent time
/// is kept because the contact text is personal data given for this one purpose.
/// </summary>
/// <param name="Contact">The phone number or address; null for <see cref="ContactMethod.None"/> and <see cref="ContactMethod.Chat"/>.</param>
public sealed record ContactPreference(ContactMethod Method, string? Contact, DateTimeOffset ConsentedAt);

public enum ContactMethod
{
    None,
    Phone,
    Email,
    /// <summary>A reply in the same chat, when the owner is back.</summary>
    Chat,
}
