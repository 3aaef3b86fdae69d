using CountyHealth.Kernel.Ui;
using CountyHealth.Residents.BreakGlass;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.Residents.Pages;

public sealed partial class BreakGlassReview
{
    [Inject] private UiHandler<ListBreakGlass> List { get; set; } = default!;

    private List<BreakGlassRow> rows = [];

    protected override async Task OnInitializedAsync() => rows = await List.Run((h, ct) => h.HandleAsync(false, ct));
}
