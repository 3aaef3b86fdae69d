using System.Globalization;
using CountyHealth.Billing.Settlement;
using CountyHealth.Kernel.Amounts;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace CountyHealth.Billing.Pages;

public sealed partial class Settlement
{
    [Inject] private UiHandler<DailySettlement> Report { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Auth { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private string? date;
    private bool mineOnly = true;
    private SettlementReport? report;

    private static string M(decimal v) => Money.Format(v);

    protected override Task OnInitializedAsync() => Load();

    private async Task Load()
    {
        DateOnly? day = DateOnly.TryParse(date, CultureInfo.InvariantCulture, out var d) ? d : null;
        var userName = (await Auth.GetAuthenticationStateAsync()).User.Identity?.Name;
        report = await Report.Run((h, ct) => h.HandleAsync(day, mineOnly ? userName : null, ct));
        date = ChinaTime.FormatDate(report.Date);
    }

    private async Task Print() => await JS.InvokeVoidAsync("countyHealth.print");
}
