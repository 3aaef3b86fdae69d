using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;
using CountyHealth.Residents.Households;
using CountyHealth.Residents.ResidentIndex;
using Xunit;

namespace CountyHealth.Tests.Unit.Residents;

/// <summary>How the one search box maps a query to the index (run over LINQ to Objects).</summary>
public sealed class ResidentSearchTests
{
    private static readonly Resident[] People =
    [
        new() { Name = "张三", Pinyin = "ZS", IdNumber = "11010519491231002X", Phone = "13912345678", Sex = Sex.Female },
        new() { Name = "张思远", Pinyin = "ZSY", IdNumber = "130534195803140011", Phone = "03195551234", Sex = Sex.Male },
        new() { Name = "李四", Pinyin = "LS", IdNumber = null, Phone = null, Sex = Sex.Male },
    ];

    private static string[] Find(string q) => ResidentSearch.Apply(People.AsQueryable(), q).Select(r => r.Name).ToArray();

    [Theory]
    [InlineData("张", new[] { "张三", "张思远" })]
    [InlineData("张思", new[] { "张思远" })]
    [InlineData("zs", new[] { "张三", "张思远" })]
    [InlineData("ZSY", new[] { "张思远" })]
    [InlineData("11010519491231002x", new[] { "张三" })]
    [InlineData("13912345678", new[] { "张三" })]
    [InlineData("1231002X", new[] { "张三" })]
    [InlineData("5551234", new[] { "张思远" })]
    [InlineData("0011", new[] { "张思远" })]
    [InlineData("5678", new[] { "张三" })]
    [InlineData("0314", new string[0])] // the middle of an ID number (a birth date) is not a tail
    [InlineData("", new[] { "张三", "张思远", "李四" })]
    public void Query_finds(string q, string[] expected) => Assert.Equal(expected, Find(q));

    [Fact]
    public void Fewer_than_four_digits_find_nothing_rather_than_everyone() => Assert.Empty(Find("12"));
}
