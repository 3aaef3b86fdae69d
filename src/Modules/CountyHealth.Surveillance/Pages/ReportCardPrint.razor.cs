using CountyHealth.Kernel.Ui;
using CountyHealth.Surveillance.Cards;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CountyHealth.Surveillance.Pages;

public sealed partial class ReportCardPrint
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private UiHandler<GetCard> Get { get; set; } = default!;
    [Inject] private UiHandler<ListDiseases> Diseases { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private CardView? card;
    private List<DiseaseRow> diseases = [];
    private string? message;

    protected override async Task OnParametersSetAsync()
    {
        // The card's checkbox list is the disease table in force (a form of a disease, 肺炭疽, is ticked under its own line).
        diseases = (await Diseases.Run((h, _) => Task.FromResult(h.Handle()))).ToList();
        var outcome = UiResults.Unpack<CardView>(await Get.Run((h, ct) => h.HandleAsync(Id, true, ct)));
        (card, message) = (outcome.Value, outcome.Message);
    }

    private async Task Print() => await JS.InvokeVoidAsync("countyHealth.print");
}
