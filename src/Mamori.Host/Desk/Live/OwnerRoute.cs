namespace Mamori.Host.Desk.Live;

/// <summary>
/// How a channel reaches an owner unasked, kept on the case while it is open: "<c>scheme:address</c>", the scheme naming
/// the <see cref="IOwnerChannel"/> (directline, connector, line) and the address what it needs (a conversation
/// reference, a LINE id).
/// </summary>
public readonly record struct OwnerRoute(string Scheme, string Address)
{
    public override string ToString() => Scheme + ":" + Address;

    public static OwnerRoute? Parse(string? route)
    {
        int colon = route?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon > 0 ? new OwnerRoute(route![..colon], route[(colon + 1)..]) : null;
    }
}
