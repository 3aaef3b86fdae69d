using System.Globalization;
using CountyHealth.Kernel.Ui;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Audit;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.Platform.Pages;

public sealed partial class AuditLogPage
{
    private const int PageSize = 50;

    [Inject] private UiHandler<SearchAudit> Search { get; set; } = default!;

    private string? userName, action, resident, document, from, to;
    private int pageIndex;
    private Page<AuditRow>? result;
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();
    private string? message;

    private string? ErrorFor(string field) => errors.TryGetValue(field, out var m) ? string.Join("；", m) : null;

    protected override Task OnInitializedAsync() => Load(1);

    private async Task Load(int index)
    {
        pageIndex = index;
        DateOnly? f = DateOnly.TryParse(from, CultureInfo.InvariantCulture, out var df) ? df : null;
        DateOnly? t = DateOnly.TryParse(to, CultureInfo.InvariantCulture, out var dt) ? dt : null;
        var filter = new AuditFilter(userName, action, null, resident, document, f, t, index, PageSize);
        var outcome = UiResults.Unpack<Page<AuditRow>>(await Search.Run((h, ct) => h.HandleAsync(filter, ct)));
        errors = outcome.Errors;
        message = outcome.Message;
        result = outcome.Value;
    }
}
