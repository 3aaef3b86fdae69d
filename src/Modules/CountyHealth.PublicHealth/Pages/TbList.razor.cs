using CountyHealth.Kernel.Reference;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Ui;
using CountyHealth.Kernel.Web;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Tuberculosis;
using CountyHealth.Residents.Contracts;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.PublicHealth.Pages;

public sealed partial class TbList
{
    [Inject] private UiHandler<ListTbPatients> List { get; set; } = default!;
    [Inject] private UiHandler<RegisterTbPatient> Registration { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ReferenceTable<TbIntervals> Intervals { get; set; } = default!;

    private string show = "due";
    private List<TbRow> rows = [];
    private string? message;
    private bool registering;
    private ResidentRow? picked;
    private Form form = new();
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    /// <summary>The notice as the page edits it.</summary>
    private sealed class Form
    {
        public DateTime? NotifiedOn { get; set; }
        public DateTime? TreatmentStartedOn { get; set; }
        public string? DiagnosedAt { get; set; } = "清河县人民医院结核病定点门诊";
        public int PatientType { get; set; } = 1;
        public int Sputum { get; set; } = 2;
        public int Resistance { get; set; } = 2;
        public string? Regimen { get; set; } = "2HRZE/4HR";
    }

    protected override Task OnInitializedAsync() => Load();

    private async Task Load()
    {
        var outcome = UiResults.Unpack<Page<TbRow>>(await List.Run((h, ct) => h.HandleAsync(new TbQuery(show, null, 1, 200), ct)));
        message = outcome.Ok ? null : outcome.AllErrors;
        rows = outcome.Value?.Items.ToList() ?? [];
    }

    private void Picked(ResidentRow resident)
    {
        picked = resident;
        var today = ChinaTime.Today(Clock).ToDateTime(TimeOnly.MinValue);
        form = new Form { NotifiedOn = today, TreatmentStartedOn = today };
    }

    private string? E(string field) => errors.TryGetValue(field, out var m) ? m[0] : null;

    private DateOnly Day(DateTime? d) => d is { } x ? DateOnly.FromDateTime(x) : ChinaTime.Today(Clock);

    private async Task Register()
    {
        var request = new TbRegistration(picked!.Id, Day(form.NotifiedOn), form.DiagnosedAt, Day(form.TreatmentStartedOn), form.PatientType, form.Sputum, form.Resistance, form.Regimen);
        var outcome = UiResults.Unpack<TbPatientView>(await Registration.Run((h, ct) => h.HandleAsync(request, ct)));
        errors = outcome.Errors;
        if (outcome.Value is { } saved)
        {
            Navigation.NavigateTo($"/public-health/tb/{saved.Id}");
            return;
        }
        message = outcome.Errors.Count > 0 ? "请按提示修改后再登记" : outcome.AllErrors;
    }
}
