using CountyHealth.Kernel.Ui;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using CountyHealth.PublicHealth.Contracts;
using CountyHealth.PublicHealth.Records;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.PublicHealth.Pages;

public sealed partial class HealthRecordList
{
    [Inject] private UiHandler<ListHealthRecords> List { get; set; } = default!;
    [Inject] private IAccessScope Scope { get; set; } = default!;
    [Inject] private IInstitutionDirectory Directory { get; set; } = default!;

    private string show = "all";
    private Guid? institution;
    private string? search;
    private List<InstitutionInfo> institutions = [];
    private bool countyWide;
    private List<RecordRow> rows = [];
    private string? message;
    private int pageNumber = 1;
    private bool hasMore;

    protected override async Task OnInitializedAsync()
    {
        (institutions, countyWide) = await Scope.ChoicesAsync(Directory, PublicHealthPermissions.Records);
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
        var query = new RecordsQuery(show, institution, string.IsNullOrWhiteSpace(search) ? null : search.Trim(), pageNumber, 100);
        var outcome = UiResults.Unpack<Page<RecordRow>>(await List.Run((h, ct) => h.HandleAsync(query, ct)));
        message = outcome.Ok ? null : outcome.AllErrors;
        rows = outcome.Value?.Items.ToList() ?? [];
        hasMore = outcome.Value?.HasMore ?? false;
    }
}
