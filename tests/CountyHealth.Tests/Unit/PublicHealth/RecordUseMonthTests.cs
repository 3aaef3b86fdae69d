using CountyHealth.Indicators.Contracts;
using CountyHealth.Kernel.Facts;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Records;
using Xunit;

namespace CountyHealth.Tests.Unit.PublicHealth;

/// <summary>
/// The months a resident's services keep her record in use, read from the service months the database folds into a
/// mask, against the day-precise rule (<see cref="RecordCodes.InUse"/>) asked for each month's end alone.
/// </summary>
public sealed class RecordUseMonthTests
{
    [Theory]
    [InlineData(1, 202401, 202612)]
    [InlineData(2, 202501, 202512)]
    [InlineData(3, 202606, 202606)]
    [InlineData(4, 202402, 202503)]
    public void Each_month_is_in_use_when_its_end_has_a_service_within_twelve_months(int seed, int from, int to)
    {
#pragma warning disable CA5394 // test data, not security
        var rng = new Random(seed);
        for (var person = 0; person < 300; person++)
        {
            var days = Enumerable.Range(0, rng.Next(0, 12)).Select(_ => new DateOnly(2023, 1, 1).AddDays(rng.Next(0, 1460))).ToList();
            if (rng.Next(4) == 0)
            {
                days.Add(new DateOnly(2024, 2, 29));
            }
#pragma warning restore CA5394
            Assert.Equal(ByTheDay(days, from, to), FromMasks(days, from, to));
        }
    }

    [Theory]
    [InlineData("2024-02-29", 202502, true)] // twelve months before 28 Feb 2025 is 28 Feb 2024: the 29th is within them
    [InlineData("2024-02-28", 202502, false)]
    [InlineData("2024-02-29", 202503, false)]
    [InlineData("2024-03-31", 202502, true)]
    [InlineData("2023-02-28", 202402, false)] // 29 Feb 2024 less twelve months is 28 Feb 2023: not after it
    [InlineData("2023-03-01", 202402, true)]
    [InlineData("2025-01-15", 202412, false)] // a service after the month's end does not count in it
    public void The_twelve_months_end_on_the_day_the_calendar_gives(string day, int month, bool inUse)
    {
        var days = new[] { DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture) };
        Assert.Equal(inUse, RecordCodes.InUse(days[0], FactMonths.LastDay(month)));
        Assert.Equal(inUse ? [month] : [], FromMasks(days, month, month));
    }

    private static List<int> ByTheDay(IReadOnlyList<DateOnly> days, int from, int to)
    {
        var used = new List<int>();
        for (var m = from; m <= to; m = FactMonths.Add(m, 1))
        {
            if (days.Any(d => RecordCodes.InUse(d, FactMonths.LastDay(m))))
            {
                used.Add(m);
            }
        }
        return used;
    }

    /// <summary>The masks as the database makes them: a bit a service month from the base, another for 29 February.</summary>
    private static List<int> FromMasks(IEnumerable<DateOnly> days, int from, int to)
    {
        var range = new FactRange(null, from, to);
        var baseIndex = RecordFacts.BaseIndex(range);
        long served = 0, leapDays = 0;
        foreach (var d in days)
        {
            var bit = (d.Year * 12) + d.Month - 1 - baseIndex;
            if (bit is >= 0 and < 63)
            {
                served |= 1L << bit;
                leapDays |= d is { Month: 2, Day: 29 } ? 1L << bit : 0;
            }
        }
        return RecordFacts.UsedMonths(served, leapDays, baseIndex, range).ToList();
    }
}
