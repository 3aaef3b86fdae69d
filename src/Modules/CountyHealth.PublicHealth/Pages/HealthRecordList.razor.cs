using CountyHealth.Kernel.Ui;
using CountyHealth.Kernel.Web;
using CountyHealth.PublicHealth.Contracts;
using CountyHealth.PublicHealth.Records;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.PublicHealth.Pages;

public sealed partial class HealthRecordList
{
    [Inject] private UiHandler<ListHealthRecords> List { get; set; } = default!;

    public HealthRecordList() => Show = "all";

    protected override string Permission => PublicHealthPermissions.Records;

    protected override async Task<UiOutcome<Page<RecordRow>>> FetchAsync(string show, Guid? institution, string? search, int page) =>
        UiResults.Unpack<Page<RecordRow>>(await List.Run((h, ct) => h.HandleAsync(new RecordsQuery(show, institution, search, page, 100), ct)));
}
