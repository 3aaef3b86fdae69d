using CountyHealth.Kernel.Ui;
using CountyHealth.Outpatient.Visits;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.Outpatient.Pages;

public sealed partial class ResidentVisits
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private UiHandler<VisitsOfResident> Visits { get; set; } = default!;

    private ResidentVisitList? list;
    private IReadOnlyList<ResidentVisitRow>? rows => list?.Visits;
    private string? message;

    protected override async Task OnParametersSetAsync()
    {
        var outcome = UiResults.Unpack<ResidentVisitList>(await Visits.Run((h, ct) => h.HandleAsync(Id, ct)));
        (list, message) = (outcome.Value, outcome.Message);
    }
}
