using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Records;
using Xunit;

namespace CountyHealth.Tests.Unit.PublicHealth;

/// <summary>The health record's number, its code table's rules and 动态使用 at their boundaries.</summary>
public sealed class HealthRecordRuleTests
{
    private static readonly RecordCodes Codes = RecordCodeTable.Current;

    private static Dictionary<string, string> Minimal(params (string Field, string Codes)[] more)
    {
        var answers = new Dictionary<string, string> { ["residence"] = "1", ["blood"] = "5", ["rh"] = "3", ["marital"] = "2", ["payment"] = "3", ["allergy"] = "1" };
        foreach (var (field, codes) in more)
        {
            answers[field] = codes;
        }
        return answers;
    }

    [Theory]
    [InlineData("13053410101", "130534101001")]
    [InlineData("13053410312", "130534103012")]
    [InlineData("130534101", "130534101000")]
    public void The_number_is_6_county_3_township_3_village_digits_and_a_5_digit_serial(string institution, string prefix)
    {
        Assert.Equal(prefix, RecordCodes.NumberPrefix(institution));
        var number = RecordCodes.Number(prefix, 42);
        Assert.Equal(17, number.Length);
        Assert.EndsWith("00042", number, StringComparison.Ordinal);
    }

    [Fact]
    public void The_required_answers_with_known_codes_pass_and_are_written_in_the_tables_order()
    {
        Assert.Empty(Codes.Check(Minimal(("payment", "7,3"))));
        Assert.Equal("residence=1;blood=5;rh=3;marital=2;payment=3,7;allergy=1", Codes.Format(Minimal(("payment", "7,3"))));
        Assert.Contains(("医疗费用支付方式", "城乡居民基本医疗保险（原新型农村合作医疗）、全自费"), Codes.Describe(Codes.Format(Minimal(("payment", "7,3")))));
    }

    [Fact]
    public void Unknown_codes_two_answers_in_a_single_box_none_with_another_and_missing_required_answers_are_named()
    {
        Assert.Equal("血型没有代码 6", Codes.Check(Minimal(("blood", "6")))["blood"]);
        Assert.Equal("血型只能选一项", Codes.Check(Minimal(("blood", "1,2")))["blood"]);
        Assert.Equal("药物过敏史选了“无”就不能再选其他项", Codes.Check(Minimal(("allergy", "1,2")))["allergy"]);
        Assert.Equal("残疾情况选了“无残疾”就不能再选其他项", Codes.Check(Minimal(("disability", "1,5")))["disability"]);
        Assert.Equal("个人基本信息表没有这一项", Codes.Check(Minimal(("shoe", "1")))["shoe"]);
        var missing = Codes.Check(new Dictionary<string, string> { ["blood"] = "1" });
        Assert.Equal(["allergy", "marital", "payment", "residence", "rh"], missing.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("请填写常住类型", missing["residence"]);
    }

    [Fact]
    public void A_record_is_in_use_with_a_service_within_the_twelve_months_up_to_the_day()
    {
        var day = new DateOnly(2026, 12, 31);
        Assert.True(RecordCodes.InUse(day, day));
        Assert.True(RecordCodes.InUse(new DateOnly(2026, 1, 1), day));
        Assert.False(RecordCodes.InUse(new DateOnly(2025, 12, 31), day));
        Assert.False(RecordCodes.InUse(new DateOnly(2027, 1, 1), day));
        Assert.False(RecordCodes.InUse(null, day));
    }

    [Theory]
    [InlineData("blood\t0\t1", "expected")]
    [InlineData("shoe\t0\t1\t大", "not on the")]
    [InlineData("blood\t2\t1\tA型", "expected")]
    public void A_malformed_code_line_is_refused_with_its_line_number(string line, string says)
    {
        var e = Assert.Throws<FormatException>(() => RecordCodes.Parse("field\tmulti\tcode\tname\n" + line));
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
        Assert.Contains(says, e.Message, StringComparison.Ordinal);
    }
}
