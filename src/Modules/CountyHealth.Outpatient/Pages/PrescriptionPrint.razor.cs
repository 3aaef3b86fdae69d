using CountyHealth.Kernel.Ui;
using CountyHealth.Outpatient.Prescriptions;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CountyHealth.Outpatient.Pages;

public sealed partial class PrescriptionPrint
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private UiHandler<GetPrescriptionSlip> Slip { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private PrescriptionSlipView? slip;
    private string? message;

    protected override async Task OnParametersSetAsync()
    {
        var outcome = UiResults.Unpack<PrescriptionSlipView>(await Slip.Run((h, ct) => h.HandleAsync(Id, ct)));
        (slip, message) = (outcome.Value, outcome.Message);
    }

    // Blank for a signature until the pharmacy has handed the drugs out.
    private static string Sign(string? name) => name ?? "＿＿＿＿＿＿";

    private async Task Print() => await JS.InvokeVoidAsync("countyHealth.print");
}
