using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Tuberculosis;
using Xunit;

namespace CountyHealth.Tests.Unit.PublicHealth;

/// <summary>The TB visit rhythm by supervisor and phase, the treatment month, and regular intake at its 90 % boundary.</summary>
public sealed class TbRuleTests
{
    private static readonly DateOnly Start = new(2026, 1, 15);

    [Theory]
    [InlineData("2026-03-14", 1, true)]
    [InlineData("2026-03-15", 1, false)]
    [InlineData("2026-04-14", 2, true)]
    [InlineData("2026-04-15", 2, false)]
    public void The_intensive_phase_is_two_months_new_and_three_for_retreatment(string day, int type, bool intensive) =>
        Assert.Equal(intensive, TbRules.Intensive(Start, type, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-01-15", 1)]
    [InlineData("2026-02-14", 1)]
    [InlineData("2026-02-15", 2)]
    [InlineData("2026-07-20", 7)]
    public void The_treatment_month_counts_from_the_start(string day, int month) =>
        Assert.Equal(month, TbRules.TreatmentMonth(Start, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_family_supervisor_in_the_intensive_phase_means_a_visit_every_ten_days_otherwise_monthly()
    {
        var day = new DateOnly(2026, 2, 1);
        Assert.Equal(day.AddDays(10), TbRules.Assess(TbSupervisor.Family, true, 0, false, false, day, TbIntervalTable.Shipped).NextDueOn);
        Assert.Equal(day.AddMonths(1), TbRules.Assess(TbSupervisor.Family, false, 0, false, false, day, TbIntervalTable.Shipped).NextDueOn);
        Assert.Equal(day.AddMonths(1), TbRules.Assess(TbSupervisor.Doctor, true, 0, false, false, day, TbIntervalTable.Shipped).NextDueOn);
    }

    [Fact]
    public void A_reaction_is_referred_and_checked_within_two_weeks_and_a_week_of_missed_doses_is_reported()
    {
        var day = new DateOnly(2026, 5, 1);
        var reaction = TbRules.Assess(TbSupervisor.Doctor, false, 0, true, false, day, TbIntervalTable.Shipped);
        Assert.True(reaction.Referral);
        Assert.Equal(day.AddDays(14), reaction.NextDueOn);
        Assert.Contains("报告上级结核病防治机构", TbRules.Assess(TbSupervisor.Family, false, 7, false, false, day, TbIntervalTable.Shipped).Advice, StringComparison.Ordinal);
        Assert.DoesNotContain("报告", TbRules.Assess(TbSupervisor.Family, false, 6, false, false, day, TbIntervalTable.Shipped).Advice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(180, 162, true)]
    [InlineData(180, 161, false)]
    [InlineData(0, 0, false)]
    public void Regular_intake_is_ninety_percent_of_the_doses_due(int due, int taken, bool regular) => Assert.Equal(regular, TbRules.Regular(due, taken));

    [Fact]
    public void A_corrected_table_moves_the_visit_rhythm_and_the_missed_doses_reported()
    {
        var corrected = TbIntervals.Parse(TbIntervalTable.Create().Shipped.Replace("family_intensive_days\t10", "family_intensive_days\t7", StringComparison.Ordinal)
            .Replace("missed_doses_reported\t7", "missed_doses_reported\t5", StringComparison.Ordinal));
        var day = new DateOnly(2026, 2, 1);
        var visit = TbRules.Assess(TbSupervisor.Family, true, 5, false, false, day, corrected);
        Assert.Equal(day.AddDays(7), visit.NextDueOn);
        Assert.Contains("每7天随访1次", visit.Advice, StringComparison.Ordinal);
        Assert.Contains("报告上级结核病防治机构", visit.Advice, StringComparison.Ordinal);
        Assert.DoesNotContain("报告", TbRules.Assess(TbSupervisor.Family, true, 5, false, false, day, TbIntervalTable.Shipped).Advice, StringComparison.Ordinal);
    }
}
