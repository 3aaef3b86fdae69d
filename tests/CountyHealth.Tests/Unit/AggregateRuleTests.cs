using CountyHealth.Indicators.Domain;
using CountyHealth.Platform.Contracts;
using Xunit;

namespace CountyHealth.Tests.Unit;

/// <summary>The aggregate forms' validation rules at their boundaries, and the form and rule files as data.</summary>
public sealed class AggregateRuleTests
{
    private static readonly IReadOnlyList<AggregateForm> Forms = AggregateFormFile.ParseForms(Resource("aggregate-forms.tsv"), "forms");
    private static readonly AggregateRules Rules = new(Forms, AggregateFormFile.ParseRules(Resource("aggregate-rules.tsv"), Forms, "rules"));
    private static readonly Dictionary<string, IReadOnlyList<decimal>> NoHistory = [];

    private static string Resource(string name)
    {
        using var stream = typeof(AggregateForm).Assembly.GetManifestResourceStream("CountyHealth.Indicators." + name)!;
        return new StreamReader(stream).ReadToEnd();
    }

    private static IReadOnlyList<Violation> Check(string form, Dictionary<string, decimal> values, Dictionary<string, IReadOnlyList<decimal>>? history = null) =>
        Rules.Check(Rules.Form(form)!, values, history ?? NoHistory);

    [Fact]
    public void The_shipped_forms_are_read_with_who_fills_them()
    {
        Assert.Equal(["supervision", "blood", "patriotic", "construction", "population", "womenhealth"], Forms.Select(f => f.Code));
        Assert.Equal([InstitutionKind.CountyHospital, InstitutionKind.TownshipHealthCentre], Rules.Form("construction")!.FilledBy);
        Assert.Equal("forms.supervision_units_due", Forms[0].MeasureOf(Forms[0].Fields[0]));
        Assert.Contains("本年累计监督单位户数不能大于公共卫生单位户数", Rules.For(Forms[0]).Select(r => r.Describe(Forms[0])));
    }

    [Theory]
    [InlineData(2801, 2801, 0)]
    [InlineData(2801, 2802, 1)]
    [InlineData(0, 0, 0)]
    public void A_part_may_equal_its_whole_but_not_exceed_it(int due, int supervised, int refused)
    {
        var found = Check("supervision", new() { ["units_due"] = due, ["units_supervised"] = supervised });
        Assert.Equal(refused, found.Count(v => v.Refused && v.Field == "units_supervised"));
    }

    [Theory]
    [InlineData("100", false)]
    [InlineData("100.1", true)]
    [InlineData("0", false)]
    [InlineData("-0.1", true)]
    public void A_percentage_stays_within_0_and_100(string progress, bool refused)
    {
        var found = Check("construction", new() { ["progress"] = decimal.Parse(progress, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(refused, found.Any(v => v.Refused && v.Field == "progress"));
    }

    [Theory]
    [InlineData(1800, 1800, false)]
    [InlineData(1799, 1800, true)]
    [InlineData(1799, null, false)]
    public void More_health_records_than_residents_is_flagged_for_explanation(int residents, int? kept, bool flagged)
    {
        var counted = kept is { } k ? new Dictionary<string, decimal> { ["healthrecords.kept"] = k } : null;
        var found = Rules.Check(Rules.Form("population")!, new Dictionary<string, decimal> { ["residents"] = residents }, NoHistory, counted);
        Assert.Equal(flagged, found.Any(v => !v.Refused && v.Field == "residents" && v.Message.Contains("少于系统中的在档居民健康档案数", StringComparison.Ordinal)));
        Assert.DoesNotContain(found, v => v.Refused);
    }

    [Fact]
    public void A_negative_count_is_refused_naming_the_field()
    {
        var v = Assert.Single(Check("patriotic", new() { ["campaigns"] = -1 }));
        Assert.True(v.Refused);
        Assert.Equal("集中整治活动次数不能为负数（填了 -1）", v.Message);
    }

    [Fact]
    public void A_field_not_filled_is_not_checked()
    {
        Assert.Empty(Check("supervision", new() { ["units_supervised"] = 5 }));
    }

    [Theory]
    [InlineData(150, false)]
    [InlineData(151, true)]
    [InlineData(50, false)]
    [InlineData(49, true)]
    public void A_figure_beyond_the_deviation_from_its_last_months_is_flagged_not_refused(int collected, bool flagged)
    {
        var history = new Dictionary<string, IReadOnlyList<decimal>> { ["collected"] = [90m, 100m, 110m, 5000m] };
        var found = Check("blood", new() { ["collected"] = collected }, history);
        Assert.Equal(flagged, found.Any(v => !v.Refused && v.Field == "collected"));
        Assert.DoesNotContain(found, v => v.Refused);
    }

    [Fact]
    public void Without_history_or_with_a_mean_of_zero_nothing_is_flagged()
    {
        Assert.Empty(Check("blood", new() { ["collected"] = 999 }));
        Assert.Empty(Check("blood", new() { ["collected"] = 999 }, new() { ["collected"] = [0m, 0m] }));
    }

    [Fact]
    public void A_cumulative_figure_has_no_deviation_rule()
    {
        Assert.Empty(Check("supervision", new() { ["units_supervised"] = 2000, ["units_due"] = 2801 }, new() { ["units_supervised"] = [100m, 100m, 100m] }));
    }

    [Theory]
    [InlineData("form\tx\t名\t说明\tNoSuchKind")]
    [InlineData("field\tnone\tk\t名\t个\tcount\t0")]
    [InlineData("form\tx\t名\t说明\tVillageClinic\nfield\tx\ta-b\t名\t个\tcount\t0")]
    [InlineData("form\tx\t名\t说明\tVillageClinic\nfield\tx\tk\t名\t个\tratio\t0")]
    public void A_malformed_form_file_is_refused(string tsv) => Assert.Throws<FormatException>(() => AggregateFormFile.ParseForms(tsv, "t"));

    [Theory]
    [InlineData("supervision\tpart_of\tunits_due\t0")]
    [InlineData("supervision\tat_most\tno_field\t1")]
    [InlineData("nope\tnot_negative\t*\t0")]
    [InlineData("*\tdeviation\t*\tabc")]
    [InlineData("population\tnot_below_records\tresidents healthrecords.kept\t0")]
    [InlineData("population\tnot_below_records\tno_field healthrecords.kept\t0\t档案")]
    public void A_malformed_rule_is_refused(string tsv) => Assert.Throws<FormatException>(() => AggregateFormFile.ParseRules(tsv, Forms, "t"));
}
