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
