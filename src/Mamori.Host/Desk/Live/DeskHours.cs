using System.Globalization;
using Mamori.Host.Tenants;

namespace Mamori.Host.Desk.Live;

/// <summary>Whether a desk's announced hours (Japan time) include a moment, and how to say them to an owner.</summary>
internal static class DeskHours
{
    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);
    private static readonly string[] DayNames = ["日", "月", "火", "水", "木", "金", "土"];

    public static bool IsOpen(DeskHoursOptions hours, DateTimeOffset now)
    {
        var local = now.ToOffset(JapanOffset);
        if (!hours.Days.Contains(local.DayOfWeek) || hours.ClosedDates.Contains(DateOnly.FromDateTime(local.DateTime)))
            return false;
        var time = TimeOnly.FromDateTime(local.DateTime);
        return time >= Parse(hours.Opens) && time < Parse(hours.Closes);
    }

    /// <summary>「月〜金 9:00〜17:00」: consecutive days as a range, others listed (「月・水・金」); closed dates are not listed.</summary>
    public static string Describe(DeskHoursOptions hours)
    {
        var days = hours.Days.Distinct().Select(d => (int)d).Order().ToList();
        bool consecutive = days.Count > 2 && days[^1] - days[0] == days.Count - 1;
        string dayText = days.Count == 7 ? "毎日"
            : consecutive ? $"{DayNames[days[0]]}〜{DayNames[days[^1]]}"
            : string.Join("・", days.Select(d => DayNames[d]));
        return $"{dayText} {Shown(hours.Opens)}〜{Shown(hours.Closes)}";
    }

    private static TimeOnly Parse(string hhmm) => TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture);

    private static string Shown(string hhmm) => Parse(hhmm).ToString("H:mm", CultureInfo.InvariantCulture);
}
