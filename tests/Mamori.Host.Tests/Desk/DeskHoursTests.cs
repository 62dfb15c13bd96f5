using Mamori.Host.Desk.Live;
using Mamori.Host.Tenants;

namespace Mamori.Host.Tests.Desk;

/// <summary>The desk's hours are Japan time, whatever the server's clock zone, and are said the way a chamber writes them.</summary>
public sealed class DeskHoursTests
{
    private static readonly DeskHoursOptions Weekdays = new() { Opens = "09:00", Closes = "17:30", ClosedDates = [new DateOnly(2026, 12, 29)] };

    [Theory]
    [InlineData("2026-12-03T00:00:00Z", true)]    // Thursday 9:00 in Japan: opens
    [InlineData("2026-12-02T23:59:00Z", false)]   // Wednesday night in UTC is Thursday 8:59 in Japan
    [InlineData("2026-12-03T08:29:00Z", true)]    // 17:29
    [InlineData("2026-12-03T08:30:00Z", false)]   // 17:30: closed
    [InlineData("2026-12-05T03:00:00Z", false)]   // Saturday noon
    [InlineData("2026-12-29T03:00:00Z", false)]   // a Tuesday, but a closing day
    public void Open_is_decided_in_Japan_time(string utc, bool open) =>
        Assert.Equal(open, DeskHours.IsOpen(Weekdays, DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Hours_are_said_as_a_range_of_days_or_a_list()
    {
        Assert.Equal("月〜金 9:00〜17:30", DeskHours.Describe(Weekdays));
        Assert.Equal("毎日 10:00〜16:00", DeskHours.Describe(new DeskHoursOptions { Days = [.. Enum.GetValues<DayOfWeek>()], Opens = "10:00", Closes = "16:00" }));
        Assert.Equal("月・水・金 9:00〜12:00", DeskHours.Describe(new DeskHoursOptions { Days = [DayOfWeek.Friday, DayOfWeek.Monday, DayOfWeek.Wednesday], Closes = "12:00" }));
    }
}

public sealed class DeskHoursSettingsTests
{
    [Theory]
    [InlineData("9:00", "17:00", "Opens", "use HH:mm")]
    [InlineData("09:00", "24:00", "Closes", "use HH:mm")]
    [InlineData("17:00", "09:00", "Hours", "must be before Closes")]
    public void Hours_that_cannot_be_read_stop_the_start_naming_the_setting(string opens, string closes, string key, string reason)
    {
        var tenants = new TenantsOptions();
        tenants.Tenants["chamber"] = new TenantOptions { SupportDesk = new SupportDeskOptions { Hours = new DeskHoursOptions { Opens = opens, Closes = closes } } };

        var result = new TenantsOptionsValidator().Validate(null, tenants);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith($"Tenants:chamber:SupportDesk:{(key == "Hours" ? "Hours" : "Hours:" + key)}", StringComparison.Ordinal) && f.Contains(reason, StringComparison.Ordinal));
    }
}
