using CountyHealth.Kernel.Ui;
using CountyHealth.Kernel.Web;
using CountyHealth.PublicHealth.Contracts;
using CountyHealth.PublicHealth.Immunisation;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.PublicHealth.Pages;

public sealed partial class ImmunisationDueList
{
    [Inject] private UiHandler<ListChildrenDue> List { get; set; } = default!;

    protected override string Permission => PublicHealthPermissions.ImmunisationRead;

    protected override async Task<UiOutcome<Page<ChildDueRow>>> FetchAsync(string show, Guid? institution, string? search, int page) =>
        UiResults.Unpack<Page<ChildDueRow>>(await List.Run((h, ct) => h.HandleAsync(new ChildrenDueQuery(show, institution, search, page, 100), ct)));
}
