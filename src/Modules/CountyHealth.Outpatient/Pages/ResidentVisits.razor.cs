using CountyHealth.Kernel.Ui;
using CountyHealth.Outpatient.Visits;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.Outpatient.Pages;

public sealed partial class ResidentVisits
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private UiHandler<VisitsOfResident> Visits { get; set; } = default!;

    private List<ResidentVisitRow>? rows;
    private string? message;

    protected override async Task OnParametersSetAsync()
    {
        var outcome = UiResults.Unpack<List<ResidentVisitRow>>(await Visits.Run((h, ct) => h.HandleAsync(Id, ct)));
        (rows, message) = (outcome.Value, outcome.Message);
    }
}
