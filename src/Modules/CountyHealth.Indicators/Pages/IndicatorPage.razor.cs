using CountyHealth.Indicators.Figures;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Ui;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.Indicators.Pages;

public sealed partial class IndicatorPage
{
    [Inject] private UiHandler<GetIndicatorMonths> Months { get; set; } = default!;
    [Inject] private UiHandler<GetFigureRecords> Records { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Parameter] public string Code { get; set; } = "";

    [SupplyParameterFromQuery(Name = "institution")] public Guid? Institution { get; set; }

    [SupplyParameterFromQuery(Name = "year")] public int? Year { get; set; }

    private int year;
    private IndicatorMonths? months;
    private FigureRecords? records;
    private string? error;
    private (string Month, int Term) shown;
    private int page = 1;

    protected override async Task OnParametersSetAsync()
    {
        year = Year is >= 2000 and <= 2099 ? Year.Value : ChinaTime.Today(Clock).Year;
        var outcome = UiResults.Unpack<IndicatorMonths>(await Months.Run((h, ct) => h.HandleAsync(Code, new MonthsQuery(Institution, year), ct)));
        months = outcome.Value;
        error = outcome.Ok ? null : outcome.AllErrors;
        records = null;
    }

    /// <summary>A count as a count (1,234), an amount with its fen (1,234.50).</summary>
    private static string Num(decimal v) => v.ToString(v == decimal.Truncate(v) ? "N0" : "N2", System.Globalization.CultureInfo.InvariantCulture);

    private void Go(int y) => Navigation.NavigateTo($"/indicators/{Code}?year={y}" + (Institution is { } i ? $"&institution={i}" : ""));

    private async Task LoadRecords(string month, int term)
    {
        shown = (month, term);
        page = 1;
        await Show();
    }

    private async Task Page(int by)
    {
        page = Math.Max(1, page + by);
        await Show();
    }

    private async Task Show()
    {
        var outcome = UiResults.Unpack<FigureRecords>(await Records.Run((h, ct) => h.HandleAsync(Code, new RecordsQuery(Institution!.Value, shown.Month, shown.Term, page), ct)));
        records = outcome.Value;
        error = outcome.Ok ? null : outcome.AllErrors;
    }
}
