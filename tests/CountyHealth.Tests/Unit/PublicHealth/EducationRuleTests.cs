using CountyHealth.PublicHealth.Domain;
using Xunit;

namespace CountyHealth.Tests.Unit.PublicHealth;

/// <summary>The yearly health-education volumes per institution kind, and the share due as the year goes by.</summary>
public sealed class EducationRuleTests
{
    [Theory]
    [InlineData(EducationKind.Talk, false, 12)]
    [InlineData(EducationKind.Talk, true, 6)]
    [InlineData(EducationKind.Consultation, false, 9)]
    [InlineData(EducationKind.BoardUpdate, false, 12)]
    [InlineData(EducationKind.BoardUpdate, true, 6)]
    [InlineData(EducationKind.PrintedMaterial, false, 12)]
    [InlineData(EducationKind.AudioVisual, false, 6)]
    public void The_specification_sets_a_yearly_volume(EducationKind kind, bool village, int required) => Assert.Equal(required, EducationRules.Required(kind, village));

    [Theory]
    [InlineData(EducationKind.Consultation, true)]
    [InlineData(EducationKind.OutreachClinic, false)]
    [InlineData(EducationKind.PrintedMaterial, true)]
    public void Some_activities_have_no_number(EducationKind kind, bool village) => Assert.Null(EducationRules.Required(kind, village));

    [Fact]
    public void Material_counts_in_kinds_and_a_title_given_out_again_counts_once()
    {
        (string, int)[] records = [("高血压防治手册", 1), ("高血压 防治手册", 1), ("控烟折页", 1), ("慢病防治系列折页", 3), ("慢病防治系列折页", 2), ("合理膳食处方", 0)];

        // 高血压防治手册 once (spaces aside), 控烟折页 1, the series its 3 kinds, a record without a number of kinds 1.
        Assert.Equal(6, EducationRules.Done(EducationKind.PrintedMaterial, records));
        Assert.Equal(6, EducationRules.Done(EducationKind.AudioVisual, records));
        Assert.Equal("种", EducationRules.Unit(EducationKind.PrintedMaterial));
    }

    [Fact]
    public void Activities_count_each_time_even_on_the_same_topic()
    {
        (string, int)[] talks = [("高血压防治", 0), ("高血压防治", 0), ("糖尿病饮食", 0)];

        Assert.Equal(3, EducationRules.Done(EducationKind.Talk, talks));
        Assert.Equal(3, EducationRules.Done(EducationKind.BoardUpdate, talks));
        Assert.Equal(0, EducationRules.Done(EducationKind.Consultation, []));
        Assert.Equal("次", EducationRules.Unit(EducationKind.Talk));
    }

    [Theory]
    [InlineData(12, 1, 1)]
    [InlineData(12, 6, 6)]
    [InlineData(9, 6, 5)]
    [InlineData(9, 12, 9)]
    [InlineData(6, 1, 1)]
    public void The_share_due_follows_the_months_begun(int required, int month, int due) => Assert.Equal(due, EducationRules.DueBy(required, new DateOnly(2026, month, 15)));
}
