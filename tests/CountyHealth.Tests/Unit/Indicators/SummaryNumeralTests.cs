using CountyHealth.Indicators.Figures;
using Xunit;

namespace CountyHealth.Tests.Unit.Indicators;

/// <summary>The work summary numbers its sections in Chinese past ten (a county with every programme has more).</summary>
public sealed class SummaryNumeralTests
{
    [Theory]
    [InlineData(1, "一")]
    [InlineData(9, "九")]
    [InlineData(10, "十")]
    [InlineData(11, "十一")]
    [InlineData(19, "十九")]
    [InlineData(20, "二十")]
    [InlineData(23, "二十三")]
    public void Sections_past_ten_are_numbered_as_chinese_writes_them(int n, string text) => Assert.Equal(text, WriteWorkSummary.Numeral(n));
}
