using CountyHealth.Indicators.Contracts;
using CountyHealth.Kernel.Facts;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Records;
using Xunit;

namespace CountyHealth.Tests.Unit.PublicHealth;

/// <summary>The months a resident's services keep her record in use, walked once, against each month asked alone.</summary>
public sealed class RecordUseMonthTests
{
    [Theory]
    [InlineData(1, 202401, 202612, "2024-01-01")]
    [InlineData(2, 202501, 202512, "2025-03-01")]
    [InlineData(3, 202606, 202606, "2024-12-01")]
    public void Each_month_is_in_use_when_its_end_has_a_service_within_twelve_months(int seed, int from, int to, string since)
    {
        var start = DateOnly.Parse(since, System.Globalization.CultureInfo.InvariantCulture);
#pragma warning disable CA5394 // test data, not security
        var rng = new Random(seed);
        for (var person = 0; person < 200; person++)
        {
            var days = Enumerable.Range(0, rng.Next(0, 12)).Select(_ => new DateOnly(2023, 1, 1).AddDays(rng.Next(0, 1460))).ToList();
#pragma warning restore CA5394
            var range = new FactRange(null, from, to);
            var asked = new List<int>();
            for (var m = from; m <= to; m = FactMonths.Add(m, 1))
            {
                var end = FactMonths.LastDay(m);
                if (FactMonths.FirstDay(m) >= start && days.Any(d => RecordCodes.InUse(d, end)))
                {
                    asked.Add(m);
                }
            }
            Assert.Equal(asked, RecordFacts.UsedMonths(days, range, start).ToList());
        }
    }
}
