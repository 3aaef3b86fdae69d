using CountyHealth.PublicHealth.ChildHealth;
using CountyHealth.PublicHealth.Domain;
using Xunit;

namespace CountyHealth.Tests.Unit.PublicHealth;

/// <summary>The child health schedule (13 contacts) and its windows at their boundaries: 满月 on day 28, a window's end, the next contact, the seventh birthday.</summary>
public sealed class ChildRuleTests
{
    private static readonly ChildCheckSchedule Schedule = ChildSchedule.Shipped;
    private static readonly DateOnly Birth = new(2025, 3, 10);
    private static readonly Dictionary<string, DateOnly> None = new(StringComparer.Ordinal);

    private static ChildContact Contact(string key) => Schedule.Find(key)!;

    private static ContactStatus StatusOn(string key, DateOnly day, IReadOnlyDictionary<string, DateOnly>? done = null) =>
        ChildCheckRules.States(Schedule, Birth, done ?? None, day).Single(s => s.Contact.Key == key).Status;

    [Fact]
    public void The_shipped_schedule_has_the_thirteen_contacts_with_four_warning_signs_from_three_months()
    {
        Assert.Equal(["newborn", "m1", "m3", "m6", "m8", "m12", "m18", "m24", "m30", "y3", "y4", "y5", "y6"], Schedule.Contacts.Select(c => c.Key));
        Assert.All(Schedule.Contacts.Skip(2), c => Assert.Equal(4, c.WarningSigns.Count));
        Assert.Empty(Contact("m1").WarningSigns);
        Assert.Equal(ChildForm.Preschool, Contact("y3").Form);
        Assert.Equal([ChildTest.Haemoglobin, ChildTest.Hearing], Contact("m6").Tests);
        Assert.Equal([ChildTest.Haemoglobin, ChildTest.Vision], Contact("y5").Tests);
        Assert.Equal("不会说自己的名字", Contact("y3").WarningSigns[0]);
    }

    [Fact]
    public void The_month_check_begins_on_day_28_and_is_overdue_after_day_30()
    {
        var problem = ChildCheckRules.WindowProblem(Schedule, Contact("m1"), Birth, Birth.AddDays(27));
        Assert.Equal("满月检查自28天起进行（该儿童2025-04-07满28天）", problem);
        Assert.Null(ChildCheckRules.WindowProblem(Schedule, Contact("m1"), Birth, Birth.AddDays(28)));
        Assert.Equal(ContactStatus.Upcoming, StatusOn("m1", Birth.AddDays(27)));
        Assert.Equal(ContactStatus.Due, StatusOn("m1", Birth.AddDays(28)));
        Assert.Equal(ContactStatus.Due, StatusOn("m1", Birth.AddDays(30)));
        Assert.Equal(ContactStatus.Overdue, StatusOn("m1", Birth.AddDays(31)));
    }

    [Fact]
    public void The_newborn_visit_is_due_two_weeks_and_missed_once_the_month_check_falls_due()
    {
        Assert.Equal("检查日期不能早于出生日期", ChildCheckRules.WindowProblem(Schedule, Contact("newborn"), Birth, Birth.AddDays(-1)));
        Assert.Null(ChildCheckRules.WindowProblem(Schedule, Contact("newborn"), Birth, Birth));
        Assert.Null(ChildCheckRules.WindowProblem(Schedule, Contact("newborn"), Birth, Birth.AddDays(27)));
        Assert.Contains("满月", ChildCheckRules.WindowProblem(Schedule, Contact("newborn"), Birth, Birth.AddDays(28)), StringComparison.Ordinal);
        Assert.Equal(ContactStatus.Due, StatusOn("newborn", Birth.AddDays(14)));
        Assert.Equal(ContactStatus.Overdue, StatusOn("newborn", Birth.AddDays(15)));
        Assert.Equal(ContactStatus.Overdue, StatusOn("newborn", Birth.AddDays(27)));
        Assert.Equal(ContactStatus.Missed, StatusOn("newborn", Birth.AddDays(28)));
        Assert.Equal(ContactStatus.Done, StatusOn("newborn", Birth.AddDays(40), new Dictionary<string, DateOnly> { ["newborn"] = Birth.AddDays(7) }));
    }

    [Fact]
    public void A_check_before_its_age_is_refused_naming_the_age()
    {
        var fiveMonths = Birth.AddMonths(5);
        Assert.StartsWith("12月龄检查自12月龄起进行", ChildCheckRules.WindowProblem(Schedule, Contact("m12"), Birth, fiveMonths), StringComparison.Ordinal);
        Assert.StartsWith("3岁检查自3岁起进行", ChildCheckRules.WindowProblem(Schedule, Contact("y3"), Birth, Birth.AddMonths(35)), StringComparison.Ordinal);
        Assert.Null(ChildCheckRules.WindowProblem(Schedule, Contact("y3"), Birth, Birth.AddMonths(36)));
    }

    [Fact]
    public void A_contact_not_done_is_missed_when_the_next_falls_due_and_does_not_block_it()
    {
        var day = Birth.AddMonths(8).AddDays(2);
        Assert.Equal(ContactStatus.Overdue, StatusOn("m6", Birth.AddMonths(7)));
        Assert.Equal(ContactStatus.Overdue, StatusOn("m6", Birth.AddMonths(8).AddDays(-1)));
        Assert.Equal(ContactStatus.Missed, StatusOn("m6", Birth.AddMonths(8)));
        var next = ChildCheckRules.Next(Schedule, Birth, None, day);
        Assert.Equal(("m8", ContactStatus.Due, Birth.AddMonths(8)), (next!.Contact.Key, next.Status, next.DueOn));
        Assert.Contains("8月龄", ChildCheckRules.WindowProblem(Schedule, Contact("m6"), Birth, Birth.AddMonths(8)), StringComparison.Ordinal);
        Assert.Equal(Birth.AddMonths(9).AddDays(-1), next.LastDueDay);
    }

    [Fact]
    public void The_six_year_check_runs_to_the_seventh_birthday()
    {
        var seventh = Birth.AddYears(7);
        Assert.Null(ChildCheckRules.WindowProblem(Schedule, Contact("y6"), Birth, seventh.AddDays(-1)));
        Assert.Equal("该儿童在检查日已满7岁，不在0～6岁儿童健康管理范围", ChildCheckRules.WindowProblem(Schedule, Contact("y6"), Birth, seventh));
        Assert.Equal(ContactStatus.Due, StatusOn("y6", Birth.AddYears(6).AddMonths(3).AddDays(-1)));
        Assert.Equal(ContactStatus.Overdue, StatusOn("y6", Birth.AddYears(6).AddMonths(3)));
        Assert.Equal(ContactStatus.Overdue, StatusOn("y6", seventh.AddDays(-1)));
        Assert.Equal(ContactStatus.Missed, StatusOn("y6", seventh));
        Assert.Null(ChildCheckRules.Next(Schedule, Birth, None, seventh));
    }

    [Fact]
    public void A_child_born_on_29_February_turns_seven_on_28_February()
    {
        var leap = new DateOnly(2024, 2, 29);
        Assert.Null(ChildCheckRules.WindowProblem(Schedule, Contact("y6"), leap, new DateOnly(2031, 2, 27)));
        Assert.NotNull(ChildCheckRules.WindowProblem(Schedule, Contact("y6"), leap, new DateOnly(2031, 2, 28)));
    }

    [Fact]
    public void A_malformed_schedule_line_is_refused_with_its_number()
    {
        const string header = "contact\tname\tdue\toverdue\tform\ttests\tsign1\tsign2\tsign3\tsign4\n";
        var wrongForm = Assert.Throws<FormatException>(() => ChildCheckSchedule.Parse(header + "m1\t满月\t28d\t31d\tinfants\t\t\t\t\t\n"));
        Assert.Contains("第 2 行", wrongForm.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => ChildCheckSchedule.Parse(header + "m1\t满月\t28d\t28d\tinfant\t\t\t\t\t\n"));
        Assert.Throws<FormatException>(() => ChildCheckSchedule.Parse(header + "m3\t3月龄\t3m\t4m\tinfant\t\ta\tb\t\t\n"));
        Assert.Throws<FormatException>(() => ChildCheckSchedule.Parse(header + "m3\t3月龄\t3m\t4m\tinfant\t\t\t\t\t\nm1\t满月\t28d\t31d\tinfant\t\t\t\t\t\n"));
    }

    [Fact]
    public void Multi_select_codes_are_stored_in_order_once()
    {
        Assert.Equal("2,3", ChildCheckRules.Codes([3, 2, 3]));
        Assert.Equal("", ChildCheckRules.Codes(null));
        Assert.Equal("面部、躯干", ChildCheckRules.Names("2,3", ChildCheckRules.Jaundice));
    }
}
