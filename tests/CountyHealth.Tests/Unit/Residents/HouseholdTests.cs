using CountyHealth.PublicHealth.Domain;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;
using Xunit;

namespace CountyHealth.Tests.Unit.Residents;

/// <summary>A baby's place in its mother's household, the household's number, and the name a baby is registered under.</summary>
public sealed class HouseholdTests
{
    [Theory]
    [InlineData(HouseholdRelations.Head, Sex.Male, HouseholdRelations.Son)]
    [InlineData(HouseholdRelations.Head, Sex.Female, HouseholdRelations.Daughter)]
    [InlineData(HouseholdRelations.Spouse, Sex.Female, HouseholdRelations.Daughter)]
    [InlineData("30", Sex.Male, HouseholdRelations.Grandchild)] // the head's daughter
    [InlineData("38", Sex.Female, HouseholdRelations.Grandchild)] // 儿媳, in the 3x group
    [InlineData("20", Sex.Female, HouseholdRelations.Grandchild)]
    [InlineData(HouseholdRelations.Parent, Sex.Male, HouseholdRelations.Sibling)]
    [InlineData(HouseholdRelations.Sibling, Sex.Male, HouseholdRelations.OtherRelative)]
    [InlineData(HouseholdRelations.Grandchild, Sex.Female, HouseholdRelations.OtherRelative)]
    [InlineData(HouseholdRelations.NotRelated, Sex.Female, HouseholdRelations.OtherRelative)]
    [InlineData(null, Sex.Female, HouseholdRelations.OtherRelative)]
    public void A_babys_relation_to_the_head_follows_its_mothers(string? mother, Sex sex, string expected) =>
        Assert.Equal(expected, HouseholdRelations.OfChildBornTo(mother, sex));

    [Theory]
    [InlineData("130534101", null, "13053410100001")]
    [InlineData("130534101", "13053410100041", "13053410100042")]
    [InlineData("130534101", "13053410109999", "13053410110000")]
    [InlineData("130534101", "13053410200041", "13053410100001")] // another institution's number does not count
    [InlineData("130534101", "1305341010041", "13053410100001")] // nor one of another width
    public void A_household_number_follows_the_institutions_highest(string code, string? highest, string expected) =>
        Assert.Equal(expected, HouseholdNumbers.Next(code, highest));

    [Fact]
    public void An_institution_whose_five_digits_are_used_up_is_told_so() =>
        Assert.Contains("户编号已用尽", Assert.Throws<InvalidOperationException>(() => HouseholdNumbers.Next("V01", "V0199999")).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(Sex.Female, 1, 1, "王芳之女")]
    [InlineData(Sex.Male, 1, 1, "王芳之子")]
    [InlineData(Sex.Female, 1, 2, "王芳之女1")]
    [InlineData(Sex.Male, 2, 2, "王芳之子2")]
    public void A_baby_without_a_name_is_registered_as_its_mothers_son_or_daughter(Sex sex, int order, int liveBirths, string expected) =>
        Assert.Equal(expected, MaternalRules.NewbornName("王芳", sex, order, liveBirths));
}
