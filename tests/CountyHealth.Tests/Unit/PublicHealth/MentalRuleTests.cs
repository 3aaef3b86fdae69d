using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Mental;
using Xunit;

namespace CountyHealth.Tests.Unit.PublicHealth;

/// <summary>The severe-mental-disorder classification and its next dates at their boundaries.</summary>
public sealed class MentalRuleTests
{
    private static readonly DateOnly Day = new(2026, 12, 2);

    private static MentalRules.Outcome Classify(int risk, Insight insight = Insight.Full, bool symptoms = false, bool poorSocial = false, bool reaction = false,
        bool illness = false, MentalClass? previous = null) =>
        MentalRules.Classify(new(risk, symptoms, insight, poorSocial, reaction, illness, previous), Day, MentalIntervalTable.Shipped);

    [Theory]
    [InlineData(0, MentalClass.Stable)]
    [InlineData(1, MentalClass.BasicallyStable)]
    [InlineData(2, MentalClass.BasicallyStable)]
    [InlineData(3, MentalClass.Unstable)]
    [InlineData(5, MentalClass.Unstable)]
    public void The_risk_grade_sets_the_class(int risk, MentalClass expected) => Assert.Equal(expected, Classify(risk).Class);

    [Fact]
    public void Unstable_is_referred_at_once_and_seen_within_two_weeks()
    {
        var grade3 = Classify(3);
        Assert.True(grade3.Referral);
        Assert.Equal(Day.AddDays(14), grade3.NextDueOn);
        Assert.StartsWith("危险性3级", grade3.Advice, StringComparison.Ordinal);
        Assert.Equal(MentalClass.Unstable, Classify(0, Insight.Lost).Class);
        Assert.Equal(MentalClass.Unstable, Classify(0, symptoms: true).Class);
        Assert.Equal(MentalClass.Unstable, Classify(0, reaction: true).Class);
        Assert.Equal(MentalClass.Unstable, Classify(0, illness: true).Class);
    }

    [Fact]
    public void Basically_stable_is_seen_in_two_weeks_then_a_month_if_still_so_and_stable_in_three_months()
    {
        Assert.Equal((MentalClass.BasicallyStable, Day.AddDays(14)), (Classify(0, Insight.Partial).Class, Classify(0, Insight.Partial).NextDueOn));
        Assert.Equal(MentalClass.BasicallyStable, Classify(0, poorSocial: true).Class);
        var again = Classify(1, previous: MentalClass.BasicallyStable);
        Assert.Equal((MentalClass.BasicallyStable, Day.AddMonths(1)), (again.Class, again.NextDueOn));
        Assert.Contains("精神专科医师", again.Advice, StringComparison.Ordinal);
        var settled = Classify(0, previous: MentalClass.BasicallyStable);
        Assert.Equal((MentalClass.Stable, Day.AddMonths(3), false), (settled.Class, settled.NextDueOn, settled.Referral));
    }

    [Fact]
    public void The_forms_codes_run_the_other_way_from_the_chronic_forms() =>
        Assert.Equal((1, 3), ((int)MentalClass.Unstable, (int)MentalClass.Stable));

    [Fact]
    public void A_corrected_table_moves_the_unstable_grade_and_the_intervals()
    {
        var text = MentalIntervalTable.Create().Shipped.Replace("unstable_risk_grade\t3", "unstable_risk_grade\t2", StringComparison.Ordinal)
            .Replace("stable_months\t3", "stable_months\t2", StringComparison.Ordinal);
        var corrected = MentalIntervals.Parse(text);
        var grade2 = MentalRules.Classify(new(2, false, Insight.Full, false, false, false, null), Day, corrected);
        Assert.Equal((MentalClass.Unstable, true), (grade2.Class, grade2.Referral));
        Assert.Equal(Day.AddMonths(2), MentalRules.Classify(new(0, false, Insight.Full, false, false, false, null), Day, corrected).NextDueOn);
        Assert.Equal(MentalClass.BasicallyStable, Classify(2).Class);
        Assert.Contains("第 5 行：不稳定的危险性级别“6”应为 1～5 的整数",
            Assert.Throws<FormatException>(() => MentalIntervals.Parse(text.Replace("unstable_risk_grade\t2", "unstable_risk_grade\t6", StringComparison.Ordinal))).Message, StringComparison.Ordinal);
    }
}
