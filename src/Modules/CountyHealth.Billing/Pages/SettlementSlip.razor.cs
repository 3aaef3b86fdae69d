using CountyHealth.Billing.Insurance;
using CountyHealth.Kernel.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CountyHealth.Billing.Pages;

public sealed partial class SettlementSlip
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private UiHandler<GetSettlement> Settlement { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private SettlementView? slip;
    private string? message;

    protected override async Task OnParametersSetAsync()
    {
        var outcome = UiResults.Unpack<SettlementView>(await Settlement.Run((h, ct) => h.HandleAsync(Id, ct)));
        (slip, message) = (outcome.Value, outcome.Message);
    }

    private async Task Print() => await JS.InvokeVoidAsync("countyHealth.print");
}
