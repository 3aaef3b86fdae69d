using CountyHealth.Indicators.Domain;
using Xunit;

namespace CountyHealth.Tests.Unit;

public sealed class IndicatorRulesTests
{
    [Fact]
    public void A_formula_reads_parts_a_ratio_and_a_scale()
    {
        var f = Formula.Parse("billing.revenue@category:western_drug + billing.revenue@category:herbal / billing.revenue * 100");
        Assert.Equal(["billing.revenue@category:western_drug", "billing.revenue@category:herbal"], f.Numerator.Select(t => t.ToString()));
        Assert.Equal("billing.revenue", Assert.Single(f.Denominator!).ToString());
        Assert.Equal(100m, f.Scale);
        var minus = Formula.Parse("outpatient.visits - outpatient.first_visits");
        Assert.Equal([1, -1], minus.Numerator.Select(t => t.Sign));
        Assert.False(minus.IsRatio);
    }

    [Theory]
    [InlineData("a / b / c")]
    [InlineData("visits")]
    [InlineData("outpatient.visits * 0")]
    [InlineData(" / outpatient.visits")]
    public void A_malformed_formula_is_refused(string text) => Assert.Throws<FormatException>(() => Formula.Parse(text));

    [Fact]
    public void A_zero_denominator_gives_no_value_and_says_why_and_a_ratio_is_made_of_the_summed_parts()
    {
        var f = Formula.Parse("x.drugs / x.revenue * 100");
        var none = Figure.Evaluate(f, t => t.Measure == "x.drugs" ? 5 : 0, 1, "门诊收入");
        Assert.Null(none.Value);
        Assert.Equal("分母为0：本期门诊收入为0，无法计算", none.Reason);
        var some = Figure.Evaluate(f, t => t.Measure == "x.drugs" ? 413 : 1000, 1, "门诊收入");
        Assert.Equal(41.3m, some.Value);
        Assert.Equal((413m, 1000m), (some.Numerator, some.Denominator!.Value));
    }

    [Theory]
    [InlineData(PeriodKind.Month, 202611, 202611, 202611, "2026年11月")]
    [InlineData(PeriodKind.Quarter, 202611, 202610, 202612, "2026年第四季度")]
    [InlineData(PeriodKind.Quarter, 202601, 202601, 202603, "2026年第一季度")]
    [InlineData(PeriodKind.Year, 202611, 202601, 202612, "2026年")]
    [InlineData(PeriodKind.YearToDate, 202610, 202601, 202610, "2026年1—10月")]
    [InlineData(PeriodKind.YearToDate, 202601, 202601, 202601, "2026年1月")]
    public void Periods_cover_their_months_and_are_named_as_the_reports_name_them(PeriodKind kind, int month, int from, int to, string name)
    {
        var p = Period.Of(kind, month);
        Assert.Equal((from, to, name), (p.FromMonth, p.ToMonth, p.Name));
        Assert.Equal((from - 100, to - 100), (p.YearBefore.FromMonth, p.YearBefore.ToMonth));
    }

    [Fact]
    public void The_period_before_crosses_the_year_and_a_year_has_none()
    {
        Assert.Equal(202512, Period.Of(PeriodKind.Month, 202601).Before!.FromMonth);
        Assert.Equal((202510, 202512), Period.Of(PeriodKind.Quarter, 202602).Before is { } q ? (q.FromMonth, q.ToMonth) : default);
        Assert.Null(Period.Of(PeriodKind.Year, 202602).Before);
        Assert.False(Period.TryParse("week", "2026-11", out _));
        Assert.False(Period.TryParse("month", "2026-13", out _));
        Assert.True(Period.TryParse("ytd", "2026-10", out var ytd) && ytd.FromMonth == 202601);
    }

    [Fact]
    public void Ranks_put_the_best_first_share_ties_and_leave_out_figures_without_a_value()
    {
        var figures = new (string, decimal?)[] { ("a", 30m), ("b", 50m), ("c", 30m), ("d", null), ("e", 10m) };
        var higher = Ranks.Of(figures, Direction.HigherIsBetter);
        Assert.Equal([("b", 1), ("a", 2), ("c", 2), ("e", 4)], higher.OrderBy(r => r.Value).ThenBy(r => r.Key).Select(r => (r.Key, r.Value)));
        Assert.False(higher.ContainsKey("d"));
        Assert.Equal(1, Ranks.Of(figures, Direction.LowerIsBetter)["e"]);
        Assert.Empty(Ranks.Of(figures, Direction.Neutral));
        Assert.Equal(8.2m, Ranks.Growth(108.2m, 100m));
        Assert.Null(Ranks.Growth(5m, 0m));
    }
}

public sealed class TargetRulesTests
{
    [Theory]
    [InlineData(Direction.HigherIsBetter, 3.5, 1)]
    [InlineData(Direction.HigherIsBetter, -0.1, -1)]
    [InlineData(Direction.LowerIsBetter, -1.2, 1)]
    [InlineData(Direction.LowerIsBetter, 0.1, -1)]
    [InlineData(Direction.Neutral, 12.0, 0)]
    [InlineData(Direction.Neutral, -12.0, 0)]
    [InlineData(Direction.HigherIsBetter, 0.0, 0)]
    [InlineData(Direction.LowerIsBetter, null, 0)]
    public void A_change_is_judged_by_the_indicators_direction(Direction direction, double? change, int judged) =>
        Assert.Equal(judged, Ranks.Judge(direction, (decimal?)change));

    [Theory]
    [InlineData(500, 1000, 0.5, TargetStatus.OnTrack)]        // 时间过半任务过半: exactly on time
    [InlineData(401, 1000, 0.5, TargetStatus.SlightlyBehind)] // within ten points of the target behind
    [InlineData(400, 1000, 0.5, TargetStatus.SlightlyBehind)] // at the amber edge
    [InlineData(399, 1000, 0.5, TargetStatus.Behind)]
    [InlineData(1200, 1000, 1.0, TargetStatus.OnTrack)]
    public void A_flow_keeps_pace_with_the_year(decimal done, decimal target, decimal elapsed, TargetStatus status)
    {
        var p = TargetProgress.OfFlow(done, target, elapsed, Direction.HigherIsBetter);
        Assert.Equal(status, p.Status);
        Assert.Contains($"时间进度 {elapsed * 100:0.0}%", p.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flow_better_low_treats_the_target_as_a_cap_and_neutral_or_missing_has_no_status()
    {
        Assert.Equal(TargetStatus.OnTrack, TargetProgress.OfFlow(400, 1000, 0.5m, Direction.LowerIsBetter).Status);
        Assert.Equal(TargetStatus.Behind, TargetProgress.OfFlow(700, 1000, 0.5m, Direction.LowerIsBetter).Status);
        Assert.Equal(TargetStatus.None, TargetProgress.OfFlow(700, 1000, 0.5m, Direction.Neutral).Status);
        Assert.Equal(TargetStatus.None, TargetProgress.OfFlow(null, 1000, 0.5m, Direction.HigherIsBetter).Status);
        Assert.Equal(TargetStatus.None, TargetProgress.OfFlow(10, 0, 0.5m, Direction.HigherIsBetter).Status);
    }

    [Theory]
    [InlineData(40.0, 42.0, TargetStatus.OnTrack)]
    [InlineData(42.0, 42.0, TargetStatus.OnTrack)]
    [InlineData(44.1, 42.0, TargetStatus.SlightlyBehind)]     // 42 + 5 % of 42 = 44.1
    [InlineData(44.2, 42.0, TargetStatus.Behind)]
    public void A_rate_better_low_meets_its_target_or_misses_it_by_a_margin(decimal value, decimal target, TargetStatus status) =>
        Assert.Equal(status, TargetProgress.OfLevel(value, target, Direction.LowerIsBetter, "%").Status);

    [Fact]
    public void A_county_target_splits_by_last_year_and_the_parts_add_up_to_the_whole()
    {
        var a = Guid.CreateVersion7();
        var b = Guid.CreateVersion7();
        var c = Guid.CreateVersion7();
        var parts = TargetProgress.Decompose(1000m, new Dictionary<Guid, decimal> { [a] = 1, [b] = 1, [c] = 1 }, 0);
        Assert.Equal(1000m, parts.Values.Sum());
        Assert.Equal(3, parts.Count(p => p.Value is 333 or 334));
        var weighted = TargetProgress.Decompose(1200m, new Dictionary<Guid, decimal> { [a] = 300, [b] = 100, [c] = 0 }, 2);
        Assert.Equal((900m, 300m, 0m), (weighted[a], weighted[b], weighted[c]));
        var none = TargetProgress.Decompose(90m, new Dictionary<Guid, decimal> { [a] = 0, [b] = 0 }, 0);
        Assert.Equal(90m, none.Values.Sum());
        Assert.Equal(45m, none[a]);
    }
}
