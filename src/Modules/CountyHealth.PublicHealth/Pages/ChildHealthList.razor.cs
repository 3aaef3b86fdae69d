using CountyHealth.Kernel.Ui;
using CountyHealth.Kernel.Web;
using CountyHealth.PublicHealth.ChildHealth;
using CountyHealth.PublicHealth.Contracts;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.PublicHealth.Pages;

public sealed partial class ChildHealthList
{
    [Inject] private UiHandler<ListChildHealth> List { get; set; } = default!;

    protected override string Permission => PublicHealthPermissions.ChildRead;

    protected override async Task<UiOutcome<Page<ChildHealthRow>>> FetchAsync(string show, Guid? institution, string? search, int page) =>
        UiResults.Unpack<Page<ChildHealthRow>>(await List.Run((h, ct) => h.HandleAsync(new ChildHealthQuery(show, institution, search, page, 100), ct)));
}
