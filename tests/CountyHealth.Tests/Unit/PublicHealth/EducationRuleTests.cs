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

    [Theory]
    [InlineData(12, 1, 1)]
    [InlineData(12, 6, 6)]
    [InlineData(9, 6, 5)]
    [InlineData(9, 12, 9)]
    [InlineData(6, 1, 1)]
    public void The_share_due_follows_the_months_begun(int required, int month, int due) => Assert.Equal(due, EducationRules.DueBy(required, new DateOnly(2026, month, 15)));
}
