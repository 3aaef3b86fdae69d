using CountyHealth.Kernel.Text;
using Xunit;

namespace CountyHealth.Tests.Unit.Kernel;

/// <summary>The normal form names and search boxes are compared in, and the search columns a catalogue row gets.</summary>
public sealed class SearchKeysTests
{
    [Theory]
    [InlineData("2型糖尿病", "2型糖尿病")]
    [InlineData("Ⅱ型糖尿病", "2型糖尿病")]
    [InlineData("ⅱ型糖尿病", "2型糖尿病")]
    [InlineData("II型糖尿病", "2型糖尿病")]
    [InlineData("ii型糖尿病", "2型糖尿病")]
    [InlineData("二型糖尿病", "2型糖尿病")]
    [InlineData("２型糖尿病", "2型糖尿病")]
    [InlineData("（2型）糖尿病", "2型糖尿病")]
    [InlineData(" 2 型 糖尿病 ", "2型糖尿病")]
    [InlineData("Ⅲ度烧伤", "3度烧伤")]
    [InlineData("IV期", "4期")]
    [InlineData("特发性(原发性)高血压", "特发性原发性高血压")]
    [InlineData("特发性（原发性）高血压", "特发性原发性高血压")]
    [InlineData("土拉菌病[兔热病]", "土拉菌病兔热病")]
    [InlineData("其他细菌性食物中毒，不可归类在他处者", "其他细菌性食物中毒不可归类在他处者")]
    [InlineData("唇、口腔和咽", "唇口腔和咽")]
    [InlineData("成熟T/NK细胞淋巴瘤", "成熟TNK细胞淋巴瘤")]
    [InlineData("0.9%氯化钠注射液", "09氯化钠注射液")]
    [InlineData("ｃｏｐｄ", "COPD")]
    [InlineData("阿依古丽·买买提", "阿依古丽买买提")]
    [InlineData("HIV病", "HIV病")] // a Latin word's letters are no numeral
    [InlineData("XI型", "11型")]
    [InlineData("IIII型", "IIII型")] // not a numeral
    [InlineData("，。！（）【】", "")]
    public void Normalize_FoldsWidthCaseNumeralsAndDropsPunctuation(string text, string expected)
    {
        Assert.Equal(expected, SearchNormalizer.Normalize(text));
    }

    [Fact]
    public void For_AName_KeysItsReadingsAndItsNormalisedText()
    {
        var keys = SearchKeys.For("膀胱炎");

        Assert.Equal("PGY", keys.Initials);
        Assert.Equal(["PGY", "BGY"], keys.Key.Split(' ').Take(2));
        Assert.Equal("膀胱炎", keys.Text);
    }

    [Fact]
    public void For_ABracketedName_KnowsTheBracketAndTheRestAsAliases()
    {
        var keys = SearchKeys.For("特发性(原发性)高血压", ["高血压"]);

        Assert.Equal("TFXYFXGXY", keys.Initials);
        Assert.StartsWith("TFXYFXGXY ", keys.Key, StringComparison.Ordinal);
        Assert.Contains("TFXGXY", keys.Key.Split(' '));
        Assert.Contains("YFX", keys.Key.Split(' '));
        Assert.Contains("GXY", keys.Key.Split(' '));
        Assert.Equal(["特发性原发性高血压", "特发性高血压", "原发性", "高血压"], keys.Text.Split(' '));
    }

    [Fact]
    public void For_AnyName_FitsTheColumns()
    {
        var longName = string.Concat(Enumerable.Repeat("长重乐行朝[单]", 30));
        var keys = SearchKeys.For(longName, Enumerable.Repeat("重长乐", 50).Select((a, i) => a + i));

        Assert.InRange(keys.Key.Length, 1, SearchKeys.MaxLength);
        Assert.InRange(keys.Text.Length, 1, SearchKeys.MaxLength);
        Assert.StartsWith(keys.Initials, keys.Key, StringComparison.Ordinal);
        Assert.StartsWith(SearchNormalizer.Normalize(longName), keys.Text, StringComparison.Ordinal);
    }
}
