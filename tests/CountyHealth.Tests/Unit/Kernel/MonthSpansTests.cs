using CountyHealth.Kernel.Facts;
using CountyHealth.Residents.Contracts;
using Xunit;

namespace CountyHealth.Tests.Unit.Kernel;

/// <summary>
/// The children under seven at each month's end counted by spans (<see cref="MonthSpans"/>), against asking every
/// child at every month's end by its age on that day (<see cref="Age.On"/>), as the child-health figures did.
/// </summary>
public sealed class MonthSpansTests
{
    [Theory]
    [InlineData(1, 201901, 202612)]
    [InlineData(2, 202502, 202502)]
    [InlineData(3, 202312, 202401)]
    [InlineData(4, 200001, 203012)]
    public void Children_under_seven_by_spans_equal_their_age_at_each_months_end(int seed, int from, int to)
    {
        var institutions = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
#pragma warning disable CA5394 // test data, not security
        var rng = new Random(seed);
        var children = Enumerable.Range(0, 2_000)
            .Select(_ => (Institution: institutions[rng.Next(institutions.Length)], Birth: new DateOnly(2010, 1, 1).AddDays(rng.Next(0, 6_000))))
            .Append((Institution: institutions[0], Birth: new DateOnly(2020, 2, 29)))
            .Append((Institution: institutions[0], Birth: new DateOnly(2019, 1, 31)))
            .ToList();
#pragma warning restore CA5394
        var spans = new MonthSpans(from, to);
        foreach (var (institution, birth) in children)
        {
            spans.Add(institution, FactMonths.Of(birth), FactMonths.Of(birth.AddYears(7)));
        }
        var expected = new Dictionary<(Guid, int), int>();
        for (var month = from; month <= to; month = FactMonths.Add(month, 1))
        {
            var end = FactMonths.LastDay(month);
            foreach (var (institution, birth) in children.Where(c => c.Birth <= end && Age.On(c.Birth, end) < 7))
            {
                expected[(institution, month)] = expected.GetValueOrDefault((institution, month)) + 1;
            }
        }
        var counted = spans.Counts().ToDictionary(c => (c.InstitutionId, c.Month), c => c.Count);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(e => e.Key).ToList(), counted.OrderBy(e => e.Key).ToList());
    }

    [Fact]
    public void A_span_outside_the_range_or_empty_counts_nowhere()
    {
        var spans = new MonthSpans(202501, 202512);
        var clinic = Guid.NewGuid();
        spans.Add(clinic, 202401, 202501); // ends before the range
        spans.Add(clinic, 202601, 202701); // begins after it
        spans.Add(clinic, 202506, 202506); // empty
        Assert.Empty(spans.Counts());
        spans.Add(clinic, 202412, 202502);
        Assert.Equal([(clinic, 202501, 1)], spans.Counts().ToList());
    }
}
