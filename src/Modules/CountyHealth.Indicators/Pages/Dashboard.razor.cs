using CountyHealth.Indicators.Figures;
using CountyHealth.Kernel.Ui;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.Indicators.Pages;

public sealed partial class Dashboard
{
    [Inject] private UiHandler<GetDashboard> Handler { get; set; } = default!;

    private string institution = "";
    private string? month;
    private string? error;
    private DashboardView? view;

    protected override async Task OnInitializedAsync() => await Load();

    private async Task Load()
    {
        var query = new DashboardQuery(Guid.TryParse(institution, out var id) ? id : null, month);
        var outcome = UiResults.Unpack<DashboardView>(await Handler.Run((h, ct) => h.HandleAsync(query, ct)));
        error = outcome.ErrorFor("month") ?? outcome.Message;
        view = outcome.Value ?? view;
        month = view?.Month ?? month;
    }
}
