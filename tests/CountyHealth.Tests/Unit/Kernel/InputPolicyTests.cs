using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using Xunit;

namespace CountyHealth.Tests.Unit.Kernel;

public sealed class InputPolicyTests
{
    private sealed record Note(string Name, [Text(500, MultiLine = true)] string? Body, IReadOnlyList<string>? Tags, DayOfWeek Day, DateOnly? On, decimal Amount);

    private static Note Valid => new("张三", "主诉：头痛\n三天", ["高血压"], DayOfWeek.Monday, new DateOnly(2026, 12, 1), 12.5m);

    private static IReadOnlyDictionary<string, string[]> Errors(Note note) => InputPolicy.Check(note).ToDictionary();

    [Fact]
    public void A_valid_request_passes() => Assert.Empty(Errors(Valid));

    [Fact]
    public void Text_is_held_to_its_length_at_the_boundary()
    {
        Assert.Empty(Errors(Valid with { Name = new string('张', InputPolicy.DefaultMaxLength) }));
        Assert.Equal("名称不能超过100个字", Assert.Single(Errors(Valid with { Name = new string('张', InputPolicy.DefaultMaxLength + 1) })["name"]));
        Assert.Empty(Errors(Valid with { Body = new string('痛', 500) }));
        Assert.Contains("body", Errors(Valid with { Body = new string('痛', 501) }).Keys);
    }

    [Theory]
    [InlineData("张\u0000三", "含有控制字符")]
    [InlineData("张\u202E三", "含有方向控制符或零宽字符等不可见字符")]
    [InlineData("张\u2066三", "含有方向控制符或零宽字符等不可见字符")]
    [InlineData("张\u200B三", "含有方向控制符或零宽字符等不可见字符")]
    [InlineData("张\uFEFF三", "含有方向控制符或零宽字符等不可见字符")]
    [InlineData("张\n三", "不能换行或含制表符")]
    public void Hidden_and_broken_characters_are_refused_with_the_reason(string name, string reason) =>
        Assert.Equal("名称" + reason, Assert.Single(Errors(Valid with { Name = name })["name"]));

    [Fact]
    public void Lone_surrogates_are_refused()
    {
        // Built from char codes: test-case names cannot carry a lone surrogate.
        foreach (var name in new[] { "张" + (char)0xD800 + "三", "张" + (char)0xDC00, (char)0xDBFF + "" })
        {
            Assert.Equal("名称含有无效字符（不成对的代理项）", Assert.Single(Errors(Valid with { Name = name })["name"]));
        }
    }

    [Fact]
    public void Line_breaks_are_allowed_only_in_multi_line_fields_and_surrogate_pairs_are_text()
    {
        Assert.Empty(Errors(Valid with { Body = "一\r\n二\t三" }));
        Assert.Empty(Errors(Valid with { Name = "𠮷野" }));
    }

    [Fact]
    public void A_missing_item_in_a_list_is_named_by_its_position()
    {
        var errors = Errors(Valid with { Tags = ["a", null!] });
        Assert.Equal("名称第2项不能为空".Replace("名称", "该项", StringComparison.Ordinal), Assert.Single(errors["tags[1]"]));
    }

    [Fact]
    public void Lists_enums_dates_and_numbers_have_bounds()
    {
        Assert.Contains("tags", Errors(Valid with { Tags = Enumerable.Repeat("x", InputPolicy.MaxItems + 1).ToList() }).Keys);
        Assert.Contains("day", Errors(Valid with { Day = (DayOfWeek)99 }).Keys);
        Assert.Empty(Errors(Valid with { On = InputPolicy.LatestDate }));
        Assert.Contains("on", Errors(Valid with { On = InputPolicy.LatestDate.AddDays(1) }).Keys);
        Assert.Contains("on", Errors(Valid with { On = DateOnly.MinValue }).Keys);
        Assert.Empty(Errors(Valid with { Amount = InputPolicy.LargestNumber }));
        Assert.Contains("amount", Errors(Valid with { Amount = InputPolicy.LargestNumber + 0.01m }).Keys);
    }

    [Fact]
    public void Text_is_normalised_to_nfc()
    {
        Assert.Equal("é", InputPolicy.Normalize("e\u0301"));
        Assert.Same("张三", InputPolicy.Normalize("张三"));
    }

    [Theory]
    [InlineData("$.items[0].dose", "items[0].dose")]
    [InlineData("$", "body")]
    [InlineData(null, "body")]
    [InlineData("$['name']", "name")]
    public void A_json_path_becomes_the_field_name(string? path, string field) => Assert.Equal(field, BadRequestFields.Field(path));

    [Fact]
    public void Field_labels_are_chinese_and_fall_back_to_a_neutral_word()
    {
        Assert.Equal("单次剂量", FieldLabels.Of("items[3].dose"));
        Assert.Equal("该项", FieldLabels.Of("somethingElse"));
    }
}
