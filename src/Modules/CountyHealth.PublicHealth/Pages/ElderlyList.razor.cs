using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Ui;
using CountyHealth.Kernel.Web;
using CountyHealth.PublicHealth.Elderly;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CountyHealth.PublicHealth.Pages;

public sealed partial class ElderlyList
{
    [Inject] private UiHandler<ListElderly> List { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private string show = "due";
    private string? search;
    private List<ElderlyRow> rows = [];
    private string? message;
    private int pageNumber = 1;
    private bool hasMore;

    private string Today => ChinaTime.FormatDate(ChinaTime.Today(Clock));

    protected override Task OnInitializedAsync() => Load();

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
        var query = new ElderlyQuery(show, null, string.IsNullOrWhiteSpace(search) ? null : search.Trim(), pageNumber, 100);
        var outcome = UiResults.Unpack<Page<ElderlyRow>>(await List.Run((h, ct) => h.HandleAsync(query, ct)));
        message = outcome.Ok ? null : outcome.AllErrors;
        rows = outcome.Value?.Items.ToList() ?? [];
        hasMore = outcome.Value?.HasMore ?? false;
    }

    private async Task Print() => await JS.InvokeVoidAsync("countyHealth.print");
}
