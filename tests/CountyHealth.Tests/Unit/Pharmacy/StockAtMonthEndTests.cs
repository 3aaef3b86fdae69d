using CountyHealth.Kernel.Facts;
using CountyHealth.Pharmacy.Stock;
using Xunit;

namespace CountyHealth.Tests.Unit.Pharmacy;

/// <summary>A batch's quantity at each month's end, walked back once, against each month asked alone.</summary>
public sealed class StockAtMonthEndTests
{
    [Theory]
    [InlineData(1, 202301, 202612, 202612)]
    [InlineData(2, 202406, 202511, 202612)]
    [InlineData(3, 202612, 202612, 202612)]
    public void Each_months_end_is_today_less_what_moved_in_the_months_after_it(int seed, int from, int to, int current)
    {
#pragma warning disable CA5394 // test data, not security
        var rng = new Random(seed);
        var months = new List<int>();
        for (var m = from; m <= to; m = FactMonths.Add(m, 1))
        {
            months.Add(m);
        }
        for (var batch = 0; batch < 200; batch++)
        {
            var now = rng.Next(0, 500);
            // Receipts in, dispensings and returns out, in any month of the four years, several in one month too.
            var moves = Enumerable.Range(0, rng.Next(0, 15)).Select(_ => (Month: FactMonths.Add(202301, rng.Next(0, 48)), Quantity: rng.Next(-60, 200))).ToList();
#pragma warning restore CA5394
            var asked = months.Select(m => now - (m == current ? 0 : moves.Where(x => x.Month > m).Sum(x => x.Quantity))).ToArray();
            Assert.Equal(asked, PharmacyFacts.OnHandAtMonthEnds(now, moves, months, current));
        }
    }

    [Fact]
    public void A_receipt_in_a_later_month_is_not_yet_on_hand_at_an_earlier_months_end()
    {
        // 100 received in March, 30 handed out in May, 70 on hand now (June, the current month).
        var months = new[] { 202602, 202603, 202604, 202605, 202606 };
        var onHand = PharmacyFacts.OnHandAtMonthEnds(70, [(202603, 100), (202605, -30)], months, 202606);
        Assert.Equal([0, 100, 100, 70, 70], onHand);
    }
}
