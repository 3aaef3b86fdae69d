using CountyHealth.Kernel.Ui;
using CountyHealth.PublicHealth.Chronic;
using CountyHealth.PublicHealth.Domain;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.PublicHealth.Pages;

public sealed partial class ChronicEnrol
{
    [SupplyParameterFromQuery] public Guid Visit { get; set; }
    [SupplyParameterFromQuery(Name = "programme")] public string? ProgrammeName { get; set; }

    [Inject] private UiHandler<GetEnrolmentProposal> Proposal { get; set; } = default!;
    [Inject] private UiHandler<Enrol> EnrolHandler { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private EnrolmentProposal? proposal;
    private string? message;

    protected override async Task OnParametersSetAsync()
    {
        if (!Enum.TryParse<Programme>(ProgrammeName, ignoreCase: true, out var programme) || !Enum.IsDefined(programme))
        {
            message = "管理项目不明（高血压或2型糖尿病）";
            return;
        }
        var outcome = UiResults.Unpack<EnrolmentProposal>(await Proposal.Run((h, ct) => h.HandleAsync(Visit, new ProposalQuery(programme), ct)));
        (proposal, message) = (outcome.Value, outcome.Message);
    }

    private async Task Confirm()
    {
        var request = new EnrolRequest(proposal!.VisitId, proposal.Programme);
        var outcome = UiResults.Unpack<EnrolmentView>(await EnrolHandler.Run((h, ct) => h.HandleAsync(request, ct)));
        if (outcome.Value is { } enrolled)
        {
            // Straight to the first follow-up, filled from the visit's measurements.
            Navigation.NavigateTo($"/public-health/chronic/{enrolled.Id}?visit={proposal.VisitId}");
            return;
        }
        message = outcome.AllErrors;
    }
}
