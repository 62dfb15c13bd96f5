using System.Text.RegularExpressions;

namespace Mamori.Core;

/// <summary>What a tenant id may be, in one place for the host's settings and the tools that name a tenant.</summary>
public static partial class TenantIds
{
    public const string Rule = "1-40 lowercase letters, digits or '-'";

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex Pattern();
}
