using CountyHealth.Indicators.Domain;
using CountyHealth.Indicators.Figures;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CountyHealth.Indicators.Pages;

public sealed partial class MonthlyStatistics
{
    [Inject] private UiHandler<GetStatistics> Statistics { get; set; } = default!;
    [Inject] private UiHandler<ListIndicators> Catalogue { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    /// <summary>A group of the catalogue to open on (医保 for the fund's statistics), from a link of another desk.</summary>
    [SupplyParameterFromQuery(Name = "group")] public string? Group { get; set; }

    /// <summary>The figures a bureau reads first; every group of the catalogue can be chosen instead.</summary>
    private const string KeyGroup = "";
    private const string KeyCodes = "MZ01,MZ05,SF01,SF03,MZ07,MZ08,MZ09,YF03,JM01";

    private string kind = "month";
    private string? month;
    private string group = KeyGroup;
    private List<IndicatorRow> catalogue = [];
    private IEnumerable<string> groups => catalogue.Select(i => i.Group).Distinct();
    private string? error;
    private StatisticsReport? report;

    private string Title => kind == "quarter" ? "季度分析（季分析通报）" : "月度统计（重点业务指标月统计）";

    private string Codes => group == KeyGroup ? KeyCodes : string.Join(",", catalogue.Where(i => i.Group == group).Select(i => i.Code));

    private string ExcelHref => $"/api/v1/indicators/statistics.xlsx?kind={kind}&month={month}&codes={Codes}";

    protected override async Task OnInitializedAsync()
    {
        // A month's statistics are read after it closes: the page opens on last month.
        month = $"{ChinaTime.Today(Clock).AddMonths(-1):yyyy-MM}";
        catalogue = await Catalogue.Run((h, _) => Task.FromResult(h.Handle()));
        if (Group is { } wanted && catalogue.Any(i => i.Group == wanted))
        {
            group = wanted;
        }
        await Load();
    }

    private async Task Load()
    {
        var outcome = UiResults.Unpack<StatisticsReport>(await Statistics.Run((h, ct) => h.HandleAsync(new StatisticsQuery(kind, month, Codes), ct)));
        error = outcome.ErrorFor("month") ?? outcome.Message;
        report = outcome.Value ?? report;
    }

    private string DrillHref(FigureCell cell, FigureRow row) =>
        $"/indicators/{cell.Code}?year={month?[..4]}" + (row.InstitutionId is { } id ? $"&institution={id}" : "");

    private static string Tip(FigureCell cell) => cell.Denominator is { } d ? $"分子 {cell.Numerator:N2} ÷ 分母 {d:N2}" : $"{cell.Numerator:N2}";

    private static string Change(decimal? value, string unit) => value is not { } v ? "" : (v > 0 ? "+" : "") + v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + (unit == "%" ? "%" : unit);

    private static string ChangeClass(FigureColumn column, decimal? change) => Ranks.Judge(column.Direction, change) switch { > 0 => "better", < 0 => "worse", _ => "" };

    private async Task Print() => await JS.InvokeVoidAsync("countyHealth.print");
}
