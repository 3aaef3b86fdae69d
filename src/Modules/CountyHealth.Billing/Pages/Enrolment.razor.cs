using CountyHealth.Billing.Insurance;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace CountyHealth.Billing.Pages;

public sealed partial class Enrolment
{
    [Inject] private UiHandler<SearchEnrolments> SearchHandler { get; set; } = default!;
    [Inject] private UiHandler<EnrolResident> EnrolHandler { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private string? query, message;
    private int year;
    private bool busy, searched;
    private EnrolmentSearch? result;

    // Last year for late corrections, this year, and next year's enrolment drive (it runs in the autumn).
    private IEnumerable<int> Years => Enumerable.Range(ChinaTime.Today(Clock).Year - 1, 3);

    protected override async Task OnInitializedAsync()
    {
        year = ChinaTime.Today(Clock).Year;
        await Search();
        searched = false;
    }

    private async Task YearChanged(int value)
    {
        year = value;
        await Search();
    }

    private async Task QueryKey(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await Search();
        }
    }

    private async Task Search()
    {
        message = null;
        var (q, y) = (query, year);
        result = await SearchHandler.Run((h, ct) => h.HandleAsync(q, y, ct));
        searched = !string.IsNullOrWhiteSpace(query);
    }

    private async Task Enrol(Guid residentId, string scheme)
    {
        busy = true;
        try
        {
            var request = new EnrolmentRequest(residentId, scheme, year);
            var outcome = UiResults.Unpack<EnrolmentRow>(await EnrolHandler.Run((h, ct) => h.HandleAsync(request, ct)));
            if (outcome.Value is { } row)
            {
                Snackbar.Add($"已登记{row.Year}年度{row.SchemeName}", Severity.Success);
                await Search();
            }
            else
            {
                message = outcome.AllErrors;
            }
        }
        finally
        {
            busy = false;
        }
    }
}
