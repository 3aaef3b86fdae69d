using CountyHealth.Indicators.Figures;
using CountyHealth.Kernel.Ui;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.Indicators.Pages;

public sealed partial class IndicatorCatalogue
{
    [Inject] private UiHandler<ListIndicators> Catalogue { get; set; } = default!;

    private List<IndicatorRow> indicators = [];

    protected override async Task OnInitializedAsync() => indicators = await Catalogue.Run((h, _) => Task.FromResult(h.Handle()));
}
