using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Maternal;
using Xunit;

namespace CountyHealth.Tests.Unit.PublicHealth;

/// <summary>The maternal schedule at its boundaries: dating, early registration, the antenatal windows, the postpartum days.</summary>
public sealed class MaternalRuleTests
{
    private static readonly DateOnly LastPeriod = new(2026, 3, 1);
    private static readonly DateOnly Due = MaternalRules.DueDate(LastPeriod);
    private static readonly MaternalSchedule Schedule = MaternalScheduleTable.Shipped;

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
        var next = Schedule.NextAntenatal(Due, lastVisit);
        Assert.Equal($"产前随访（孕{weeks}）", next.Name);
        Assert.Equal(LastPeriod.AddDays(from), next.From);
        Assert.Equal(LastPeriod.AddDays(to), next.By);
    }

    [Fact]
    public void After_the_last_window_the_delivery_is_awaited()
    {
        var next = Schedule.NextAntenatal(Due, 259);
        Assert.Null(next.From);
        Assert.Contains("待分娩", next.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void The_postpartum_visit_is_due_within_a_week_of_discharge_then_the_42_day_check()
    {
        var delivered = new DateOnly(2026, 11, 1);
        var discharged = delivered.AddDays(3);
        var visit = Schedule.NextAfterDelivery(delivered, discharged, postpartumDone: false);
        Assert.Equal((discharged, discharged.AddDays(7)), (visit.From!.Value, visit.By!.Value));
        var check = Schedule.NextAfterDelivery(delivered, discharged, postpartumDone: true);
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
        Assert.Equal(hypertensive, Schedule.Hypertensive(systolic, diastolic));

    [Fact]
    public void The_figures_of_a_check_name_their_findings()
    {
        Assert.Equal(["bp", "hb"], Schedule.FindingsOf(150, 95, 100, null, false));
        Assert.Equal(["fhr"], Schedule.FindingsOf(120, 80, 110, 170, false));
        Assert.Empty(Schedule.FindingsOf(139, 89, 110, 160, false));
        Assert.Equal(["other"], Schedule.FindingsOf(null, null, null, null, true));
    }

    [Fact]
    public void Each_form_has_its_own_guidance_list()
    {
        Assert.Contains(MaternalRules.GuidanceOf(MaternalContact.Check42), g => g.Name == "性保健与避孕");
        Assert.DoesNotContain(MaternalRules.GuidanceOf(MaternalContact.Postpartum), g => g.Name == "性保健与避孕");
        Assert.Contains(MaternalRules.GuidanceOf(MaternalContact.Antenatal), g => g.Name == "分娩准备");
    }

    private static string Corrected(params (string Key, string Value)[] changes) => string.Join('\n', MaternalScheduleTable.Create().Shipped.Split('\n')
        .Select(l => changes.FirstOrDefault(c => l.StartsWith(c.Key + "\t", StringComparison.Ordinal)) is { Key: not null } c ? $"{c.Key}\t{c.Value}\tcorrected" : l));

    [Fact]
    public void A_corrected_schedule_moves_the_windows_and_the_thresholds()
    {
        var corrected = MaternalSchedule.Parse(Corrected(("visit2_from_week", "15"), ("postpartum_within_days", "3"), ("anaemic_below", "100")));
        Assert.Equal(LastPeriod.AddDays(105), corrected.NextAntenatal(Due, 91).From);
        var delivered = new DateOnly(2026, 11, 1);
        Assert.Equal(delivered.AddDays(3), corrected.NextAfterDelivery(delivered, delivered, postpartumDone: false).By);
        Assert.Contains("出院后3天内", corrected.NextAfterDelivery(delivered, delivered, postpartumDone: false).Name, StringComparison.Ordinal);
        Assert.Empty(corrected.FindingsOf(null, null, 105, null, false));
        Assert.Equal(["hb"], Schedule.FindingsOf(null, null, 105, null, false));
        Assert.Contains("血红蛋白<100 g/L", corrected.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("visit3_from_week", "20", "第3次产前随访应从第2次的截止孕周之后开始")]
    [InlineData("visit2_to_week", "14", "第2次产前随访的截止孕周早于起始孕周")]
    [InlineData("check42_overdue_days", "40", "逾期天数应大于起始天数")]
    [InlineData("fetal_heart_high", "100", "胎心率上限应大于下限")]
    [InlineData("check42_from_days", "14", "产后42天健康检查起始天数“14”应为 28～90 的整数")]
    public void A_wrong_schedule_is_refused_with_what_is_wrong(string key, string value, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => MaternalSchedule.Parse(Corrected((key, value)))).Message, StringComparison.Ordinal);
}
