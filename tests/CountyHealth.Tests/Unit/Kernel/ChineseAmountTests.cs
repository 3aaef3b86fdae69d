using CountyHealth.Kernel.Amounts;
using CountyHealth.Kernel.Documents;
using CountyHealth.Kernel.Web;
using Xunit;

namespace CountyHealth.Tests.Unit.Kernel;

public sealed class ChineseAmountTests
{
    // Examples from the People's Bank's rules for writing amounts (支付结算办法 附一) and the edges around them.
    [Theory]
    [InlineData("0", "零元整")]
    [InlineData("0.50", "伍角整")]
    [InlineData("0.05", "伍分")]
    [InlineData("1", "壹元整")]
    [InlineData("10", "壹拾元整")]
    [InlineData("15.00", "壹拾伍元整")]
    [InlineData("100", "壹佰元整")]
    [InlineData("105.5", "壹佰零伍元伍角整")]
    [InlineData("325.04", "叁佰贰拾伍元零肆分")]
    [InlineData("1680.32", "壹仟陆佰捌拾元零叁角贰分")]
    [InlineData("1001", "壹仟零壹元整")]
    [InlineData("1010", "壹仟零壹拾元整")]
    [InlineData("16409.02", "壹万陆仟肆佰零玖元零贰分")]
    [InlineData("100000", "壹拾万元整")]
    [InlineData("107000.53", "壹拾万柒仟元零伍角叁分")]
    [InlineData("1000010", "壹佰万零壹拾元整")]
    [InlineData("100001000", "壹亿零壹仟元整")]
    [InlineData("100000000", "壹亿元整")]
    [InlineData("12.345", "壹拾贰元叁角伍分")]
    [InlineData("-8.5", "负捌元伍角整")]
    public void Writes_amounts_as_the_bank_rules_do(string amount, string expected) =>
        Assert.Equal(expected, ChineseAmount.Capitals(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Refuses_amounts_beyond_its_units() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ChineseAmount.Capitals(1_000_000_000_000_000m));
}

public sealed class DocumentNumberTests
{
    [Theory]
    [InlineData("MZ", 1, "MZ20261201-0001")]
    [InlineData("CF", 42, "CF20261201-0042")]
    [InlineData("SF", 9999, "SF20261201-9999")]
    [InlineData("MZ", 10000, "MZ20261201-10000")]
    public void Numbers_read_aloud_prefix_day_and_sequence(string prefix, int sequence, string expected) =>
        Assert.Equal(expected, DocumentNumbers.Compose(prefix, new DateOnly(2026, 12, 1), sequence));

    [Fact]
    public void A_history_sequence_counts_per_institution_kind_and_day()
    {
        var seq = new DocumentSequence();
        var a = Guid.CreateVersion7();
        var b = Guid.CreateVersion7();
        var day = new DateOnly(2026, 11, 30);
        Assert.Equal("MZ20261130-0001", seq.Next(a, "MZ", day));
        Assert.Equal("MZ20261130-0002", seq.Next(a, "MZ", day));
        Assert.Equal("MZ20261130-0001", seq.Next(b, "MZ", day));
        Assert.Equal("CF20261130-0001", seq.Next(a, "CF", day));
        Assert.Equal("MZ20261201-0001", seq.Next(a, "MZ", day.AddDays(1)));
    }
}

public sealed class PagingTests
{
    [Fact]
    public void Pages_count_from_one_and_are_clamped_to_the_cap()
    {
        Assert.Equal(new Paging(1, 20), Paging.Of(null, null, 20, 100));
        Assert.Equal(new Paging(1, 100), Paging.Of(0, 1000, 20, 100));
        var third = Paging.Of(3, 10, 20, 100);
        Assert.Equal((20, 11), (third.Skip, third.Take));
    }

    [Fact]
    public void A_page_tells_whether_more_follow_and_knows_the_total_only_on_the_last()
    {
        var paging = Paging.Of(2, 2, 20, 100);
        var middle = paging.PageOf<int>([1, 2, 3]);
        Assert.Equal([1, 2], middle.Items);
        Assert.Equal((true, (int?)null), (middle.HasMore, middle.Total));
        var last = paging.PageOf<int>([1]);
        Assert.Equal((false, (int?)3), (last.HasMore, last.Total));
    }
}
