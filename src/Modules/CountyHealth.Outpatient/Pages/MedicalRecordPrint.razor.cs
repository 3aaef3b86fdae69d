using CountyHealth.Kernel.Ui;
using CountyHealth.Outpatient.Visits;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CountyHealth.Outpatient.Pages;

public sealed partial class MedicalRecordPrint
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private UiHandler<GetVisit> Visit { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private VisitDetail? visit;
    private string? message;

    protected override async Task OnParametersSetAsync()
    {
        var outcome = UiResults.Unpack<VisitDetail>(await Visit.Run((h, ct) => h.HandleAsync(Id, ct)));
        (visit, message) = (outcome.Value, outcome.Message);
    }

    private async Task Print() => await JS.InvokeVoidAsync("countyHealth.print");
}
