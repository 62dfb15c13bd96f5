using System.Globalization;
using System.Text.Json;

namespace Mamori.Desk.Storage;

/// <summary>
/// How enums and times are written in the database: enums as snake_case codes (waiting, no_response, handed_back), so the
/// rows read well in a SQL shell and survive a member being reordered; times as UTC round-trip text, whose text order is time order.
/// </summary>
internal static class DeskCodes
{
    public static string Code<T>(T value) where T : struct, Enum => Codes<T>.ToCode[value];

    public static T Parse<T>(string code) where T : struct, Enum =>
        Codes<T>.FromCode.TryGetValue(code, out var value)
            ? value
            : throw new InvalidDataException($"'{code}' is not a {typeof(T).Name} code ({string.Join(", ", Codes<T>.FromCode.Keys)}).");

    public static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(string text) => DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);

    private static class Codes<T> where T : struct, Enum
    {
        public static readonly Dictionary<T, string> ToCode =
            Enum.GetValues<T>().ToDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

        public static readonly Dictionary<string, T> FromCode = ToCode.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
