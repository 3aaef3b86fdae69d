using CountyHealth.Kernel.Reference;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Ui;
using CountyHealth.Kernel.Web;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Maternal;
using CountyHealth.Residents.Contracts;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CountyHealth.PublicHealth.Pages;

public sealed partial class MaternalList
{
    [Inject] private UiHandler<ListPregnancies> List { get; set; } = default!;
    [Inject] private UiHandler<RegisterPregnancy> Registration { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ReferenceTable<MaternalSchedule> Schedule { get; set; } = default!;

    private string show = "due";
    private List<MaternalRow> rows = [];
    private string? message;
    private int pageNumber = 1;
    private bool hasMore;
    private bool registering;
    private ResidentRow? picked;
    private Form form = new();
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    private string Today => ChinaTime.FormatDate(ChinaTime.Today(Clock));

    /// <summary>The first check as the page edits it.</summary>
    private sealed class Form
    {
        public DateTime? Date { get; set; }
        public DateTime? LastPeriod { get; set; }
        public DateTime? DueDate { get; set; }
        public string? HusbandName { get; set; }
        public int Gravidity { get; set; } = 1;
        public int VaginalBirths { get; set; }
        public int Caesareans { get; set; }
        public int? SystolicBp { get; set; }
        public int? DiastolicBp { get; set; }
        public int? Haemoglobin { get; set; }
        public decimal? HeightCm { get; set; }
        public decimal? WeightKg { get; set; }
        public bool HbsAgPositive { get; set; }
        public bool SyphilisPositive { get; set; }
        public bool HivPositive { get; set; }
        public HashSet<string> Abnormal { get; } = [];
        public HashSet<string> Guidance { get; } = [];
        public bool Referral { get; set; }
        public string? ReferralReason { get; set; }
    }

    protected override Task OnInitializedAsync() => Load();

    private async Task Go(int number)
    {
        pageNumber = number;
        await Load();
    }

    private async Task Load()
    {
        var outcome = UiResults.Unpack<Page<MaternalRow>>(await List.Run((h, ct) => h.HandleAsync(new MaternalQuery(show, null, pageNumber, 100), ct)));
        message = outcome.Ok ? null : outcome.AllErrors;
        rows = outcome.Value?.Items.ToList() ?? [];
        hasMore = outcome.Value?.HasMore ?? false;
    }

    private void Picked(ResidentRow resident)
    {
        picked = resident;
        errors = new Dictionary<string, string[]>();
        form = new Form { Date = ChinaTime.Today(Clock).ToDateTime(TimeOnly.MinValue) };
    }

    private string? E(string field) => errors.TryGetValue(field, out var m) ? m[0] : null;

    private static DateOnly? Day(DateTime? d) => d is { } x ? DateOnly.FromDateTime(x) : null;

    private async Task Register()
    {
        var request = new PregnancyRegistration(picked!.Id, Day(form.Date) ?? ChinaTime.Today(Clock), Day(form.LastPeriod), Day(form.DueDate), form.Gravidity, form.VaginalBirths,
            form.Caesareans, form.HusbandName, null, form.HeightCm, form.WeightKg, form.SystolicBp, form.DiastolicBp, form.Haemoglobin, form.HbsAgPositive, form.SyphilisPositive,
            form.HivPositive, [.. form.Abnormal], [.. form.Guidance], form.Referral, form.ReferralReason);
        var outcome = UiResults.Unpack<PregnancyView>(await Registration.Run((h, ct) => h.HandleAsync(request, ct)));
        errors = outcome.Errors;
        if (outcome.Value is { } saved)
        {
            Navigation.NavigateTo($"/public-health/maternal/{saved.Id}");
            return;
        }
        message = outcome.Errors.Count > 0 ? "请按提示修改后再建册" : outcome.AllErrors;
    }

    private async Task Print() => await JS.InvokeVoidAsync("countyHealth.print");
}
