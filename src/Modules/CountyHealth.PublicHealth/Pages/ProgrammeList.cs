using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Ui;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CountyHealth.PublicHealth.Pages;

/// <summary>
/// What the programmes' resident lists share: the list chosen, the clinic filter over the reader's reach (a county-wide
/// reader starts on the first clinic — a county's people are not listed one by one), a search, pages of 100, printing.
/// </summary>
public abstract class ProgrammeList<TRow> : ComponentBase
{
    [Inject] private IAccessScope Scope { get; set; } = default!;
    [Inject] private IInstitutionDirectory Directory { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    protected string Show { get; set; } = "due";
    protected Guid? Institution { get; set; }
    protected string? SearchText { get; set; }
    protected List<InstitutionInfo> Institutions { get; private set; } = [];
    protected bool CountyWide { get; private set; }
    protected List<TRow> Rows { get; private set; } = [];
    protected string? Message { get; private set; }
    protected int PageNumber { get; private set; } = 1;
    protected bool HasMore { get; private set; }
    protected int? Total { get; private set; }

    protected string Today => ChinaTime.FormatDate(ChinaTime.Today(Clock));

    /// <summary>The permission whose reach the clinic filter offers.</summary>
    protected abstract string Permission { get; }

    /// <summary>One page of the list, as its use case answers it.</summary>
    protected abstract Task<UiOutcome<Page<TRow>>> FetchAsync(string show, Guid? institution, string? search, int page);

    protected override async Task OnInitializedAsync()
    {
        (Institutions, CountyWide) = await Scope.ChoicesAsync(Directory, Permission);
        Institution = CountyWide ? Institutions.FirstOrDefault()?.Id : null;
        await Load();
    }

    protected async Task Search()
    {
        PageNumber = 1;
        await Load();
    }

    protected async Task Go(int number)
    {
        PageNumber = number;
        await Load();
    }

    protected async Task Load()
    {
        var outcome = await FetchAsync(Show, Institution, string.IsNullOrWhiteSpace(SearchText) ? null : SearchText.Trim(), PageNumber);
        Message = outcome.Ok ? null : outcome.AllErrors;
        Rows = outcome.Value?.Items.ToList() ?? [];
        HasMore = outcome.Value?.HasMore ?? false;
        Total = outcome.Value?.Total;
    }

    protected async Task Print() => await JS.InvokeVoidAsync("countyHealth.print");
}
