using CountyHealth.PublicHealth.Domain;
using Xunit;

namespace CountyHealth.Tests.Unit.PublicHealth;

/// <summary>The maternal schedule at its boundaries: dating, early registration, the antenatal windows, the postpartum days.</summary>
public sealed class MaternalRuleTests
{
    private static readonly DateOnly LastPeriod = new(2026, 3, 1);
    private static readonly DateOnly Due = MaternalRules.DueDate(LastPeriod);

    [Fact]
    public void The_due_date_is_280_days_after_the_last_period_and_gestation_counts_from_it()
    {
        Assert.Equal(new DateOnly(2026, 12, 6), Due);
        Assert.Equal(LastPeriod, MaternalRules.PeriodStart(Due));
        Assert.Equal(90, MaternalRules.GestationDays(Due, LastPeriod.AddDays(90)));
        Assert.Equal("12+6周", MaternalRules.Weeks(90));
        Assert.Equal("13周", MaternalRules.Weeks(91));
    }

    [Theory]
    [InlineData(90, true)]
    [InlineData(91, false)]
    [InlineData(0, true)]
    public void Early_registration_is_before_13_full_weeks(int days, bool early) => Assert.Equal(early, MaternalRules.Early(days));

    [Theory]
    [InlineData(84, "16周～20+6周", 112, 146)]
    [InlineData(111, "16周～20+6周", 112, 146)]
    [InlineData(112, "21周～24+6周", 147, 174)]
    [InlineData(130, "21周～24+6周", 147, 174)]
    [InlineData(160, "28周～36+6周", 196, 258)]
    [InlineData(196, "37周～40+6周", 259, 286)]
    public void The_next_antenatal_window_is_the_first_that_begins_after_the_last_visit(int lastVisit, string weeks, int from, int to)
    {
        var next = MaternalRules.NextAntenatal(Due, lastVisit);
        Assert.Equal($"产前随访（孕{weeks}）", next.Name);
        Assert.Equal(LastPeriod.AddDays(from), next.From);
        Assert.Equal(LastPeriod.AddDays(to), next.By);
    }

    [Fact]
    public void After_the_last_window_the_delivery_is_awaited()
    {
        var next = MaternalRules.NextAntenatal(Due, 259);
        Assert.Null(next.From);
        Assert.Contains("待分娩", next.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void The_postpartum_visit_is_due_within_a_week_of_discharge_then_the_42_day_check()
    {
        var delivered = new DateOnly(2026, 11, 1);
        var discharged = delivered.AddDays(3);
        var visit = MaternalRules.NextAfterDelivery(delivered, discharged, postpartumDone: false);
        Assert.Equal((discharged, discharged.AddDays(7)), (visit.From!.Value, visit.By!.Value));
        var check = MaternalRules.NextAfterDelivery(delivered, discharged, postpartumDone: true);
        Assert.Equal((delivered.AddDays(42), delivered.AddDays(56)), (check.From!.Value, check.By!.Value));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(7, true)]
    [InlineData(28, true)]
    [InlineData(29, false)]
    public void The_postpartum_visit_rate_counts_a_visit_within_28_days_of_discharge(int day, bool counted)
    {
        var discharged = new DateOnly(2026, 11, 4);
        Assert.Equal(counted, MaternalRules.PostpartumCounted(discharged, discharged.AddDays(day)));
    }

    [Theory]
    [InlineData(139, 89, false)]
    [InlineData(140, 80, true)]
    [InlineData(120, 90, true)]
    [InlineData(null, null, false)]
    public void Pregnancy_hypertension_is_140_over_90(int? systolic, int? diastolic, bool hypertensive) =>
        Assert.Equal(hypertensive, MaternalRules.Hypertensive(systolic, diastolic));

    [Fact]
    public void The_figures_of_a_check_name_their_findings()
    {
        Assert.Equal(["bp", "hb"], MaternalRules.FindingsOf(150, 95, 100, null, false));
        Assert.Equal(["fhr"], MaternalRules.FindingsOf(120, 80, 110, 170, false));
        Assert.Empty(MaternalRules.FindingsOf(139, 89, 110, 160, false));
        Assert.Equal(["other"], MaternalRules.FindingsOf(null, null, null, null, true));
    }

    [Fact]
    public void Each_form_has_its_own_guidance_list()
    {
        Assert.Contains(MaternalRules.GuidanceOf(MaternalContact.Check42), g => g.Name == "性保健与避孕");
        Assert.DoesNotContain(MaternalRules.GuidanceOf(MaternalContact.Postpartum), g => g.Name == "性保健与避孕");
        Assert.Contains(MaternalRules.GuidanceOf(MaternalContact.Antenatal), g => g.Name == "分娩准备");
    }
}
