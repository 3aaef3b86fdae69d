using CountyHealth.Kernel.Ui;
using CountyHealth.Outpatient.Visits;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CountyHealth.Outpatient.Pages;

public sealed partial class Queue
{
    [Inject] private UiHandler<VisitQueue> Visits { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Auth { get; set; } = default!;

    private List<QueueRow> rows = [];
    private bool mineOnly;

    protected override Task OnInitializedAsync() => Load();

    private async Task Load()
    {
        var staff = (await Auth.GetAuthenticationStateAsync()).User.FindFirst(Kernel.Security.CountyClaims.Staff)?.Value;
        Guid? me = mineOnly && Guid.TryParse(staff, out var s) ? s : null;
        rows = await Visits.Run((h, ct) => h.HandleAsync(new QueueFilter(null, null, me, null), ct));
    }
}
