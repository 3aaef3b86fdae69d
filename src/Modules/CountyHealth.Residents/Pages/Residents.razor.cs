using CountyHealth.Kernel.Ui;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Households;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.Residents.Pages;

public sealed partial class Residents
{
    [Inject] private UiHandler<GetHousehold> Household { get; set; } = default!;

    private ResidentRow? picked;
    private HouseholdView? household;
    private string? householdMessage;

    private async Task Pick(ResidentRow r)
    {
        picked = r;
        household = null;
        householdMessage = null;
        var outcome = UiResults.Unpack<HouseholdView>(await Household.Run((h, ct) => h.HandleAsync(r.Id, ct)));
        household = outcome.Value;
        householdMessage = outcome.Message;
    }
}
