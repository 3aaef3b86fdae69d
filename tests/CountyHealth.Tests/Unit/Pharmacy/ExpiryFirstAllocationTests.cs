using CountyHealth.Pharmacy.Domain;
using Xunit;

namespace CountyHealth.Tests.Unit.Pharmacy;

public sealed class ExpiryFirstAllocationTests
{
    private static readonly DateOnly Today = new(2024, 6, 15);

    // Batch ids are Guids; small numbers map to Guids that sort in the same order.
    private static Guid Id(long n) => new((int)n, 0, 0, new byte[8]);

    private static BatchStock Batch(long id, int daysToExpiry, int onHand) =>
        new(Id(id), $"B{id:D4}", Today.AddDays(daysToExpiry), onHand);

    private static (long BatchId, int Quantity)[] Taken(AllocationResult result) =>
        result.Allocations.Select(a => ((long)a.BatchId.ToByteArray()[0] | ((long)a.BatchId.ToByteArray()[1] << 8), a.Quantity)).ToArray();

    [Fact]
    public void Allocate_SingleBatchWithEnough_TakesFromIt()
    {
        var result = ExpiryFirstAllocation.Allocate([Batch(1, 100, 10)], 4, Today);

        var allocation = Assert.Single(result.Allocations);
        Assert.Equal(new BatchAllocation(Id(1), "B0001", Today.AddDays(100), 4), allocation);
        Assert.Equal(0, result.Shortfall);
        Assert.True(result.IsComplete);
    }

    [Theory]
    [InlineData(9, 0)]
    [InlineData(10, 0)] // exactly what is on hand
    [InlineData(11, 1)]
    [InlineData(25, 15)]
    public void Allocate_ShortfallIsWhatCannotBeCovered(int quantity, int expectedShortfall)
    {
        var result = ExpiryFirstAllocation.Allocate([Batch(1, 100, 10)], quantity, Today);

        Assert.Equal(expectedShortfall, result.Shortfall);
        Assert.Equal(expectedShortfall == 0, result.IsComplete);
        Assert.Equal(quantity - expectedShortfall, result.Allocations.Sum(a => a.Quantity));
    }

    [Fact]
    public void Allocate_EarliestExpiryFirst_RegardlessOfInputOrder()
    {
        BatchStock[] batches = [Batch(1, 300, 5), Batch(2, 30, 5), Batch(3, 200, 5), Batch(4, 100, 5)];

        var result = ExpiryFirstAllocation.Allocate(batches, 12, Today);

        Assert.Equal([(2L, 5), (4L, 5), (3L, 2)], Taken(result));
        Assert.True(result.IsComplete);
    }

    [Fact]
    public void Allocate_SameExpiry_LowerBatchIdFirst()
    {
        BatchStock[] batches = [Batch(9, 50, 3), Batch(5, 50, 3), Batch(7, 50, 3), Batch(8, 10, 1)];

        var result = ExpiryFirstAllocation.Allocate(batches, 6, Today);

        Assert.Equal([(8L, 1), (5L, 3), (7L, 2)], Taken(result));
    }

    [Theory]
    [InlineData(-30, false)]
    [InlineData(-1, false)]
    [InlineData(0, false)] // expires today: not dispensed
    [InlineData(1, true)] // expires tomorrow: still usable
    public void Allocate_BatchesExpiringOnOrBeforeToday_AreNeverUsed(int daysToExpiry, bool used)
    {
        BatchStock[] batches = [Batch(1, daysToExpiry, 10), Batch(2, 400, 10)];

        var result = ExpiryFirstAllocation.Allocate(batches, 5, Today);

        Assert.Equal(used ? [(1L, 5)] : [(2L, 5)], Taken(result));
    }

    [Fact]
    public void Allocate_OnlyExpiredStock_IsAllShortfall()
    {
        var result = ExpiryFirstAllocation.Allocate([Batch(1, 0, 100), Batch(2, -5, 100)], 3, Today);

        Assert.Empty(result.Allocations);
        Assert.Equal(3, result.Shortfall);
        Assert.False(result.IsComplete);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    public void Allocate_EmptyOrNegativeBatches_AreSkipped(int onHand)
    {
        BatchStock[] batches = [Batch(1, 10, onHand), Batch(2, 20, 10)];

        var result = ExpiryFirstAllocation.Allocate(batches, 5, Today);

        Assert.Equal([(2L, 5)], Taken(result));
    }

    [Fact]
    public void Allocate_NoBatches_IsAllShortfall()
    {
        var result = ExpiryFirstAllocation.Allocate([], 7, Today);

        Assert.Empty(result.Allocations);
        Assert.Equal(7, result.Shortfall);
        Assert.False(result.IsComplete);
    }

    [Fact]
    public void Allocate_StopsOnceSatisfied()
    {
        BatchStock[] batches = [Batch(1, 10, 5), Batch(2, 20, 5), Batch(3, 30, 5)];

        var result = ExpiryFirstAllocation.Allocate(batches, 5, Today);

        Assert.Equal([(1L, 5)], Taken(result));
    }

    [Fact]
    public void Allocate_CopiesBatchDetailsIntoAllocations()
    {
        var batch = new BatchStock(Id(42), "20240101A", new DateOnly(2026, 1, 31), 3);

        var result = ExpiryFirstAllocation.Allocate([batch], 2, Today);

        Assert.Equal(new BatchAllocation(Id(42), "20240101A", new DateOnly(2026, 1, 31), 2), Assert.Single(result.Allocations));
    }

    [Fact]
    public void Allocate_EnumeratesInputOnlyOnce()
    {
        var enumerations = 0;
        IEnumerable<BatchStock> Source()
        {
            enumerations++;
            yield return Batch(1, 10, 5);
            yield return Batch(2, 20, 5);
        }

        var result = ExpiryFirstAllocation.Allocate(Source(), 7, Today);

        Assert.Equal(1, enumerations);
        Assert.Equal([(1L, 5), (2L, 2)], Taken(result));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Allocate_NonPositiveQuantity_Throws(int requested)
    {
        Assert.Throws<ArgumentOutOfRangeException>("quantity", () => ExpiryFirstAllocation.Allocate([Batch(1, 10, 5)], requested, Today));
    }

    [Fact]
    public void Allocate_NullBatches_Throws()
    {
        Assert.Throws<ArgumentNullException>("batches", () => ExpiryFirstAllocation.Allocate(null!, 1, Today));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(2024)]
    [InlineData(65537)]
    [InlineData(999_983)]
    public void Allocate_RandomStock_SatisfiesInvariants(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 500; round++)
        {
            var batches = Enumerable.Range(0, random.Next(0, 12))
                .Select(i => new BatchStock(
                    BatchId: Id(random.Next(1, 50)),
                    BatchNumber: $"N{i}",
                    ExpiryDate: Today.AddDays(random.Next(-20, 60)),
                    QuantityOnHand: random.Next(-2, 15)))
                .ToList();
            var quantity = random.Next(1, 80);

            var result = ExpiryFirstAllocation.Allocate(batches, quantity, Today);
            var context = $"seed {seed} round {round}";

            // Everything requested is either allocated or reported short.
            Assert.True(result.Allocations.Sum(a => a.Quantity) + result.Shortfall == quantity, context);
            Assert.InRange(result.Shortfall, 0, quantity);

            var usable = batches.Where(b => b.ExpiryDate > Today && b.QuantityOnHand > 0).ToList();
            var usableTotal = usable.Sum(b => b.QuantityOnHand);
            Assert.True(result.Shortfall == Math.Max(0, quantity - usableTotal), context);

            var allocatedByBatch = new Dictionary<BatchStock, int>(ReferenceEqualityComparer.Instance);
            foreach (var allocation in result.Allocations)
            {
                Assert.True(allocation.Quantity > 0, context);
                Assert.True(allocation.ExpiryDate > Today, context); // never an expired batch

                // Match the allocation to a not-yet-used source batch with the same details.
                var source = usable.First(b => b.BatchId == allocation.BatchId && b.BatchNumber == allocation.BatchNumber
                    && b.ExpiryDate == allocation.ExpiryDate && !allocatedByBatch.ContainsKey(b));
                Assert.True(allocation.Quantity <= source.QuantityOnHand, context); // never more than on hand
                allocatedByBatch[source] = allocation.Quantity;
            }

            // A batch is used only when every usable batch that expires earlier is used up.
            foreach (var used in allocatedByBatch.Keys)
            {
                foreach (var earlier in usable.Where(b => b.ExpiryDate < used.ExpiryDate))
                {
                    Assert.True(allocatedByBatch.TryGetValue(earlier, out var taken) && taken == earlier.QuantityOnHand, context);
                }
            }

            // Allocations come out in expiry order.
            Assert.Equal(result.Allocations.OrderBy(a => a.ExpiryDate).ThenBy(a => a.BatchId), result.Allocations);
        }
    }
}

public sealed class ExpiryStatusTests
{
    private static readonly DateOnly Today = new(2024, 6, 15);

    [Theory]
    [InlineData(-365, "expired")]
    [InlineData(-1, "expired")]
    [InlineData(0, "expired")]
    [InlineData(1, "near")]
    [InlineData(89, "near")]
    [InlineData(90, "near")]
    [InlineData(91, "ok")]
    [InlineData(3650, "ok")]
    public void Classify_DefaultNinetyDays(int daysToExpiry, string expected)
    {
        Assert.Equal(expected, ExpiryStatus.Classify(Today.AddDays(daysToExpiry), Today));
    }

    [Theory]
    [InlineData(30, 30, "near")]
    [InlineData(31, 30, "ok")]
    [InlineData(180, 180, "near")]
    [InlineData(181, 180, "ok")]
    [InlineData(1, 0, "ok")] // no warning window
    [InlineData(0, 0, "expired")]
    public void Classify_CustomWindow(int daysToExpiry, int nearDays, string expected)
    {
        Assert.Equal(expected, ExpiryStatus.Classify(Today.AddDays(daysToExpiry), Today, nearDays));
    }

    [Fact]
    public void Classify_AcrossYearEndAndLeapDay()
    {
        var today = new DateOnly(2023, 12, 31);

        Assert.Equal("near", ExpiryStatus.Classify(new DateOnly(2024, 3, 30), today)); // 90 days, through 29 Feb
        Assert.Equal("ok", ExpiryStatus.Classify(new DateOnly(2024, 3, 31), today)); // 91 days
    }

    [Fact]
    public void Classify_NegativeWindow_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>("nearDays", () => ExpiryStatus.Classify(Today, Today, -1));
    }

    [Fact]
    public void Constants_MatchClassifierOutput()
    {
        Assert.Equal("expired", ExpiryStatus.Expired);
        Assert.Equal("near", ExpiryStatus.Near);
        Assert.Equal("ok", ExpiryStatus.Ok);
        Assert.Equal(90, ExpiryStatus.DefaultNearDays);
    }
}
