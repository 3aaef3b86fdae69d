using CountyHealth.Kernel.Reference;
using CountyHealth.Platform.ReferenceTables;
using CountyHealth.PublicHealth.ChildHealth;
using CountyHealth.PublicHealth.Immunisation;
using Xunit;

namespace CountyHealth.Tests.Unit.Platform;

/// <summary>What a correction of a reference table must be before it is put in force, and what putting it in force does.</summary>
public sealed class ReferenceTableRuleTests
{
    private const string Header = "key\tvalue";

    /// <summary>A table of whole numbers: its reader refuses anything else, with the line.</summary>
    private static ReferenceTable<int[]> Numbers() => new("t.numbers", "数表", "测试", $"# 说明\n{Header}\na\t1\nb\t2\n", text =>
        [.. CountyHealth.Kernel.Text.TabSeparated.Rows(text).Select(r => int.TryParse(r.Cells[1], out var n) ? n : throw new FormatException($"第 {r.Line} 行：不是整数"))]);

    private static ReferenceTableCorrection Correction(string? text, string? reason = "依据某某文件", int version = 1) => new(text, reason, version);

    [Fact]
    public void A_readable_correction_with_a_reason_passes() =>
        Assert.False(ReferenceTableRules.Check(Numbers(), Correction($"{Header}\na\t1\nb\t3\n")).Any);

    [Theory]
    [InlineData("key\tvalue\na\t1\nb\tx\n", "text", "第 3 行：不是整数")]
    [InlineData("value\tkey\na\t1\n", "text", "表头")]
    [InlineData("a\t1\nb\t2\n", "text", "表头")]
    [InlineData("# 说明\r\nkey\tvalue\r\na\t1\r\nb\t2", "text", "与现行版本相同")]
    [InlineData("  ", "text", "请填写表内容")]
    public void A_correction_the_table_cannot_take_is_refused_with_its_reason(string text, string field, string says)
    {
        var e = ReferenceTableRules.Check(Numbers(), Correction(text)).ToDictionary();
        Assert.Contains(e[field], m => m.Contains(says, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    [InlineData("修订")]
    public void A_correction_says_why(string? reason) =>
        Assert.True(ReferenceTableRules.Check(Numbers(), Correction($"{Header}\na\t5\n", reason)).ToDictionary().ContainsKey("reason"));

    [Fact]
    public void Control_characters_are_refused_but_tabs_and_line_breaks_are_the_table()
    {
        var e = ReferenceTableRules.Check(Numbers(), Correction($"{Header}\na\t1\u202E\n")).ToDictionary();
        Assert.True(e.ContainsKey("text"));
    }

    [Fact]
    public void Applying_a_version_swaps_the_whole_table_and_a_bad_text_leaves_it_as_it_was()
    {
        var table = Numbers();
        Assert.Equal([1, 2], table.Current);
        table.Apply($"{Header}\na\t7\n", 2);
        Assert.Equal((7, 2), (table.Current.Single(), table.Version));
        Assert.Throws<FormatException>(() => table.Apply($"{Header}\na\tx\n", 3));
        Assert.Equal((7, 2), (table.Current.Single(), table.Version));
    }

    [Fact]
    public void A_reader_that_slips_on_unexpected_text_refuses_it_instead_of_failing()
    {
        var table = new ReferenceTable<string>("t.cells", "列表", "测试", $"{Header}\na\tb\n", text => string.Concat(CountyHealth.Kernel.Text.TabSeparated.Rows(text).Select(r => r.Cells[1])));
        Assert.StartsWith("表内容无法读取", table.Problem($"{Header}\na\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_tables_are_readable_and_count_their_rows()
    {
        Assert.Null(NationalSchedule.Create().Problem(NationalSchedule.Create().Shipped));
        Assert.True(ReferenceTableRules.RowCount(ChildSchedule.Create().Shipped) == 13);
        Assert.Equal("contact", ReferenceTableRules.Header(ChildSchedule.Create().Shipped)!.Split('\t')[0]);
        Assert.NotEmpty(ReferenceTableRules.Notes(NationalSchedule.Create().Shipped));
    }
}
