using CountyHealth.Residents.Contracts;
using Xunit;

namespace CountyHealth.Tests.Unit.Residents;

public sealed class AgeTests
{
    [Theory]
    [InlineData("1958-03-14", "2026-03-13", 67)] // the day before the birthday
    [InlineData("1958-03-14", "2026-03-14", 68)] // on the birthday
    [InlineData("2000-03-01", "2026-03-01", 26)] // born in a leap year after February: day-of-year would say 25
    [InlineData("2000-02-29", "2026-02-27", 25)]
    [InlineData("2000-02-29", "2026-02-28", 26)] // a 29 February birthday falls on 28 February in common years
    [InlineData("2000-02-29", "2028-02-28", 27)] // ... and on the 29th in leap years
    [InlineData("2026-11-23", "2026-11-23", 0)]
    public void Age_counts_completed_years(string birth, string day, int age) =>
        Assert.Equal(age, Age.On(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
}
