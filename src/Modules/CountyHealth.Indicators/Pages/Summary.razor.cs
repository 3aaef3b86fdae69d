using CountyHealth.Indicators.Figures;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Ui;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.Indicators.Pages;

public sealed partial class Summary
{
    [Inject] private UiHandler<WriteWorkSummary> Writer { get; set; } = default!;
    [Inject] private UiHandler<GetStatistics> Statistics { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private List<(string Id, string Name)> institutions = [];
    private string institution = "";
    private string? month;
    private string? error;
    private WorkSummaryDraft? draft;

    private string DocxHref => $"/api/v1/indicators/summary.docx?month={month}" + (institution.Length > 0 ? $"&institution={institution}" : "");

    protected override async Task OnInitializedAsync()
    {
        month = $"{ChinaTime.Today(Clock).AddMonths(-1):yyyy-MM}";
        // The institutions the user's reach covers, as the statistics list them.
        var rows = UiResults.Unpack<StatisticsReport>(await Statistics.Run((h, ct) => h.HandleAsync(new StatisticsQuery("month", month, "MZ01"), ct))).Value?.Rows ?? [];
        institutions = rows.Where(r => r.InstitutionId is not null).Select(r => (r.InstitutionId!.Value.ToString(), r.Name)).ToList();
        await Load();
    }

    private async Task Load()
    {
        Guid? id = Guid.TryParse(institution, out var g) ? g : null;
        var outcome = UiResults.Unpack<WorkSummaryDraft>(await Writer.Run((h, ct) => h.HandleAsync(new SummaryQuery(id, month), ct)));
        error = outcome.ErrorFor("month") ?? outcome.Message;
        draft = outcome.Value ?? draft;
    }
}
