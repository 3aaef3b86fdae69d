using CountyHealth.Kernel.Time;
using CountyHealth.PublicHealth.Chronic;
using CountyHealth.PublicHealth.Domain;
using Xunit;

namespace CountyHealth.Tests.Unit.PublicHealth;

/// <summary>The hypertension and diabetes rules of the national specification at their boundaries.</summary>
public sealed class ChronicRuleTests
{
    private static readonly DateOnly Day = new(2026, 12, 2);

    private static ChronicRules.Outcome Htn(int age, int sbp, int dbp, FollowUpClass? previous = null, bool adr = false, bool complication = false) =>
        ChronicRules.Classify(new(Programme.Hypertension, age, sbp, dbp, null, null, adr, complication, previous), Day, ChronicThresholdTable.Shipped);

    private static ChronicRules.Outcome Dm(decimal fbg, int? heartRate = null, FollowUpClass? previous = null) =>
        ChronicRules.Classify(new(Programme.Diabetes, 60, 130, 80, heartRate, fbg, false, false, previous), Day, ChronicThresholdTable.Shipped);

    [Theory]
    [InlineData("I10", Programme.Hypertension)]
    [InlineData("i15.0", Programme.Hypertension)]
    [InlineData("E11", Programme.Diabetes)]
    public void Primary_hypertension_and_type_2_diabetes_are_the_programmes(string code, Programme programme) => Assert.Equal(programme, ChronicRules.ProgrammeOf(code));

    [Theory]
    [InlineData("I14")]
    [InlineData("E10")]
    [InlineData("J06")]
    [InlineData("I1")]
    public void Other_diagnoses_are_not(string code) => Assert.Null(ChronicRules.ProgrammeOf(code));

    [Fact]
    public void Blood_pressure_is_controlled_below_140_90_and_from_65_below_150_90()
    {
        Assert.Equal((FollowUpClass.Controlled, Day.AddMonths(3)), (Htn(64, 139, 89).Class, Htn(64, 139, 89).NextDueOn));
        Assert.Equal(FollowUpClass.NotControlled, Htn(64, 140, 80).Class);
        Assert.Equal(FollowUpClass.NotControlled, Htn(64, 120, 90).Class);
        Assert.Equal(FollowUpClass.Controlled, Htn(65, 149, 89).Class);
        Assert.Equal(FollowUpClass.NotControlled, Htn(65, 150, 80).Class);
        Assert.True(Htn(65, 149, 89).AtTarget);
        Assert.False(Htn(64, 140, 80).AtTarget);
    }

    [Fact]
    public void A_first_uncontrolled_visit_is_seen_in_two_weeks_and_a_second_in_a_row_is_referred()
    {
        var first = Htn(50, 150, 95);
        Assert.Equal((FollowUpClass.NotControlled, Referral.None, Day.AddDays(14)), (first.Class, first.Referral, first.NextDueOn));
        var second = Htn(50, 150, 95, FollowUpClass.NotControlled);
        Assert.Equal((Referral.Referral, Day.AddDays(14)), (second.Referral, second.NextDueOn));
        Assert.Equal(Referral.Referral, Htn(50, 150, 95, FollowUpClass.AdverseReaction).Referral);
        Assert.Equal(Referral.None, Htn(50, 150, 95, FollowUpClass.Controlled).Referral);
    }

    [Fact]
    public void The_most_severe_class_is_recorded_and_a_complication_is_referred()
    {
        Assert.Equal(FollowUpClass.AdverseReaction, Htn(50, 120, 80, adr: true).Class);
        var complication = Htn(50, 120, 80, adr: true, complication: true);
        Assert.Equal((FollowUpClass.Complication, Referral.Referral), (complication.Class, complication.Referral));
    }

    [Fact]
    public void Urgent_referral_starts_at_180_110_and_for_diabetes_at_its_glucose_and_heart_rate_thresholds()
    {
        Assert.NotEqual(Referral.Urgent, Htn(50, 179, 109).Referral);
        Assert.Equal(Referral.Urgent, Htn(50, 180, 90).Referral);
        Assert.Equal(Referral.Urgent, Htn(50, 150, 110).Referral);
        Assert.Equal(FollowUpClass.Controlled, Dm(6.9m).Class);
        Assert.Equal(FollowUpClass.NotControlled, Dm(7.0m).Class);
        Assert.Equal(Referral.Urgent, Dm(16.7m).Referral);
        Assert.NotEqual(Referral.Urgent, Dm(16.6m).Referral);
        Assert.Equal(Referral.Urgent, Dm(3.9m).Referral);
        Assert.NotEqual(Referral.Urgent, Dm(4.0m).Referral);
        Assert.Equal(Referral.Urgent, Dm(6.0m, heartRate: 101).Referral);
        Assert.NotEqual(Referral.Urgent, Dm(6.0m, heartRate: 100).Referral);
    }

    private static IReadOnlyList<(string Field, string Message)> Check(int? sbp, int? dbp, DateOnly? date = null, decimal? fbg = null, Programme p = Programme.Hypertension) =>
        ChronicRules.Check(new(p, date ?? Day, Day.AddMonths(-6), Day, sbp, dbp, null, null, fbg, null, null, null, null));

    [Fact]
    public void Impossible_measurements_and_a_follow_up_before_enrolment_are_refused()
    {
        Assert.Empty(Check(150, 95));
        var absurd = Check(300, 20);
        Assert.Contains(absurd, e => e.Field == "systolicBp" && e.Message.Contains("60～280", StringComparison.Ordinal));
        Assert.Contains(absurd, e => e.Field == "diastolicBp" && e.Message.Contains("30～160", StringComparison.Ordinal));
        Assert.Equal("舒张压（95）应低于收缩压（95）", Assert.Single(Check(95, 95)).Message);
        Assert.Empty(Check(280, 160));
        Assert.Equal("date", Assert.Single(Check(150, 95, Day.AddMonths(-6).AddDays(-1))).Field);
        Assert.Empty(Check(150, 95, Day.AddMonths(-6)));
        Assert.Equal("date", Assert.Single(Check(150, 95, Day.AddDays(1))).Field);
        Assert.Equal("systolicBp", Assert.Single(Check(null, null)).Field);
        Assert.Equal("fastingGlucose", Assert.Single(Check(null, null, p: Programme.Diabetes)).Field);
        Assert.Equal("fastingGlucose", Assert.Single(Check(null, null, fbg: 0.5m, p: Programme.Diabetes)).Field);
    }

    [Fact]
    public void A_patient_due_today_turns_overdue_at_midnight_china_time()
    {
        var due = new DateOnly(2026, 12, 2);
        // 23:59 and 00:01 China time are 15:59 and 16:01 UTC.
        var before = ChinaTime.DayOf(new DateTime(2026, 12, 2, 15, 59, 0, DateTimeKind.Utc));
        var after = ChinaTime.DayOf(new DateTime(2026, 12, 2, 16, 1, 0, DateTimeKind.Utc));
        Assert.False(ChronicRecords.IsOverdue(due, before));
        Assert.True(ChronicRecords.IsOverdue(due, after));
    }

    private static string Corrected(string key, string value) =>
        string.Join('\n', ChronicThresholdTable.Create().Shipped.Split('\n').Select(l => l.StartsWith(key + "\t", StringComparison.Ordinal) ? $"{key}\t{value}\tcorrected" : l));

    [Fact]
    public void A_corrected_table_moves_the_classification_and_the_next_visit()
    {
        var strict = ChronicThresholds.Parse(Corrected("target_systolic", "130").Replace("review_days\t14", "review_days\t10", StringComparison.Ordinal));
        var outcome = ChronicRules.Classify(new(Programme.Hypertension, 50, 135, 80, null, null, false, false, null), Day, strict);
        Assert.Equal((FollowUpClass.NotControlled, Day.AddDays(10)), (outcome.Class, outcome.NextDueOn));
        Assert.Contains("10天内随访", outcome.Advice, StringComparison.Ordinal);
        Assert.Equal(FollowUpClass.Controlled, Htn(50, 135, 80).Class);
        Assert.Contains("2周内随访", Htn(50, 150, 95).Advice, StringComparison.Ordinal);
        Assert.Contains("<130/90", strict.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("target_systolic", "abc", "控制满意的收缩压“abc”应为 100～200 的整数")]
    [InlineData("target_systolic", "139.5", "控制满意的收缩压“139.5”应为 100～200 的整数")]
    [InlineData("urgent_heart_rate", "300", "紧急转诊的心率“300”应为 60～200 的整数")]
    [InlineData("urgent_systolic", "145", "紧急转诊的血压阈值应高于控制满意的目标")]
    [InlineData("urgent_glucose_low", "7.0", "血糖应满足")]
    public void A_wrong_correction_is_refused_with_what_is_wrong(string key, string value, string message)
    {
        var e = Assert.Throws<FormatException>(() => ChronicThresholds.Parse(Corrected(key, value)));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_missing_a_figure_or_naming_an_unknown_one_is_refused()
    {
        var shipped = ChronicThresholdTable.Create().Shipped;
        var missing = string.Join('\n', shipped.Split('\n').Where(l => !l.StartsWith("routine_months", StringComparison.Ordinal)));
        Assert.Contains("缺少“routine_months”", Assert.Throws<FormatException>(() => ChronicThresholds.Parse(missing)).Message, StringComparison.Ordinal);
        Assert.Contains("没有“target_pulse”这一项", Assert.Throws<FormatException>(() => ChronicThresholds.Parse(shipped + "target_pulse\t80\tx\n")).Message, StringComparison.Ordinal);
        Assert.Contains("重复", Assert.Throws<FormatException>(() => ChronicThresholds.Parse(shipped + "review_days\t14\tx\n")).Message, StringComparison.Ordinal);
    }
}
