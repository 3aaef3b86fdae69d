using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Ui;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using CountyHealth.PublicHealth.ChildHealth;
using CountyHealth.PublicHealth.Contracts;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CountyHealth.PublicHealth.Pages;

public sealed partial class ChildHealthList
{
    [Inject] private UiHandler<ListChildHealth> List { get; set; } = default!;
    [Inject] private IAccessScope Scope { get; set; } = default!;
    [Inject] private IInstitutionDirectory Directory { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private string show = "due";
    private Guid? institution;
    private string? search;
    private List<InstitutionInfo> institutions = [];
    private bool countyWide;
    private List<ChildHealthRow> rows = [];
    private string? message;
    private int pageNumber = 1;
    private bool hasMore;
    private int? total;

    private string Today => ChinaTime.FormatDate(ChinaTime.Today(Clock));

    protected override async Task OnInitializedAsync()
    {
        (institutions, countyWide) = await Scope.ChoicesAsync(Directory, PublicHealthPermissions.ChildRead);
        institution = countyWide ? institutions.FirstOrDefault()?.Id : null;
        await Load();
    }

    private async Task Search()
    {
        pageNumber = 1;
        await Load();
    }

    private async Task Go(int number)
    {
        pageNumber = number;
        await Load();
    }

    private async Task Load()
    {
        var query = new ChildHealthQuery(show, institution, string.IsNullOrWhiteSpace(search) ? null : search.Trim(), pageNumber, 100);
        var outcome = UiResults.Unpack<Page<ChildHealthRow>>(await List.Run((h, ct) => h.HandleAsync(query, ct)));
        message = outcome.Ok ? null : outcome.AllErrors;
        rows = outcome.Value?.Items.ToList() ?? [];
        hasMore = outcome.Value?.HasMore ?? false;
        total = outcome.Value?.Total;
    }

    private async Task Print() => await JS.InvokeVoidAsync("countyHealth.print");
}
