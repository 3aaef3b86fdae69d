using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;
using Xunit;

namespace CountyHealth.Tests.Unit.Residents;

public sealed class IdentityMatchTests
{
    private static readonly DateOnly Born = new(1976, 8, 28);

    [Theory]
    [InlineData("王秀英", "王秀英")]
    [InlineData("王秀英", " 王 秀英 ")]
    [InlineData("阿依古丽·买买提", "阿依古丽•买买提")]
    [InlineData("阿依古丽·买买提", "阿依古丽．买买提")]
    [InlineData("Li Ming", "ＬＩ ＭＩＮＧ")]
    public void The_same_person_written_two_ways_matches(string stored, string given) =>
        Assert.True(IdentityMatch.Same(stored, Sex.Female, Born, given, Sex.Female, Born));

    [Fact]
    public void Another_name_sex_or_birth_date_does_not_match()
    {
        Assert.False(IdentityMatch.Same("王秀英", Sex.Female, Born, "任意名", Sex.Female, Born));
        Assert.False(IdentityMatch.Same("王秀英", Sex.Female, Born, "王秀", Sex.Female, Born));
        Assert.False(IdentityMatch.Same("王秀英", Sex.Female, Born, "王秀英", Sex.Male, Born));
        Assert.False(IdentityMatch.Same("王秀英", Sex.Female, Born, "王秀英", Sex.Female, Born.AddDays(1)));
    }
}
