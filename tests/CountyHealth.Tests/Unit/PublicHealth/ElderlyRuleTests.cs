using CountyHealth.PublicHealth.Domain;
using Xunit;

namespace CountyHealth.Tests.Unit.PublicHealth;

/// <summary>The self-care scale and the complete annual check at their boundaries.</summary>
public sealed class ElderlyRuleTests
{
    [Theory]
    [InlineData(0, SelfCareGrade.Independent)]
    [InlineData(3, SelfCareGrade.Independent)]
    [InlineData(4, SelfCareGrade.Mild)]
    [InlineData(8, SelfCareGrade.Mild)]
    [InlineData(9, SelfCareGrade.Moderate)]
    [InlineData(18, SelfCareGrade.Moderate)]
    [InlineData(19, SelfCareGrade.Dependent)]
    [InlineData(37, SelfCareGrade.Dependent)]
    public void The_total_score_falls_in_the_confirmed_bands(int total, SelfCareGrade grade) => Assert.Equal(grade, ElderlyRules.Grade(total));

    [Fact]
    public void Eating_and_dressing_have_no_mild_level_and_the_highest_total_is_37()
    {
        Assert.Equal([0, 3, 5], ElderlyRules.ItemScores["eating"]);
        Assert.Equal([0, 3, 5], ElderlyRules.ItemScores["dressing"]);
        Assert.Equal(37, ElderlyRules.ItemScores.Values.Sum(s => s.Max()));
    }

    [Fact]
    public void A_check_is_complete_with_every_test_and_some_guidance()
    {
        var all = ElderlyRules.Tests.Select(t => t.Key).ToList();
        Assert.True(ElderlyRules.IsComplete(all, ["results"]));
        Assert.False(ElderlyRules.IsComplete(all, []));
        Assert.False(ElderlyRules.IsComplete(all.Where(t => t != "ultrasound").ToList(), ["results"]));
    }
}
