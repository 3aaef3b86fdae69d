using CountyHealth.Billing.Payments;
using CountyHealth.Kernel.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CountyHealth.Billing.Pages;

public sealed partial class ReceiptPrint
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private UiHandler<GetReceipt> Receipt { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private Receipt? receipt;
    private string? message;

    protected override async Task OnParametersSetAsync()
    {
        var outcome = UiResults.Unpack<Receipt>(await Receipt.Run((h, ct) => h.HandleAsync(Id, ct)));
        (receipt, message) = (outcome.Value, outcome.Message);
    }

    private async Task Print() => await JS.InvokeVoidAsync("countyHealth.print");
}
