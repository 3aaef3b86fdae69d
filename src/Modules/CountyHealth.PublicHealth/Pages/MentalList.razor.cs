using CountyHealth.Kernel.Reference;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Ui;
using CountyHealth.Kernel.Web;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Mental;
using CountyHealth.Residents.Contracts;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.PublicHealth.Pages;

public sealed partial class MentalList
{
    [Inject] private UiHandler<ListMentalPatients> List { get; set; } = default!;
    [Inject] private UiHandler<RegisterMentalPatient> Registration { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ReferenceTable<MentalIntervals> Intervals { get; set; } = default!;

    private string show = "due";
    private List<MentalRow> rows = [];
    private string? message;
    private bool registering;
    private ResidentRow? picked;
    private Form form = new();
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    /// <summary>The registration form as the page edits it.</summary>
    private sealed class Form
    {
        public MentalDisorder Disorder { get; set; } = MentalDisorder.Schizophrenia;
        public string? DiagnosedAt { get; set; }
        public DateTime? DiagnosedOn { get; set; }
        public string? GuardianName { get; set; }
        public string? GuardianPhone { get; set; }
        public bool Consent { get; set; } = true;
    }

    protected override Task OnInitializedAsync() => Load();

    private async Task Load()
    {
        var outcome = UiResults.Unpack<Page<MentalRow>>(await List.Run((h, ct) => h.HandleAsync(new MentalQuery(show, 1, 200), ct)));
        message = outcome.Ok ? null : outcome.AllErrors;
        rows = outcome.Value?.Items.ToList() ?? [];
    }

    private void Picked(ResidentRow resident)
    {
        picked = resident;
        form = new Form { DiagnosedOn = ChinaTime.Today(Clock).ToDateTime(TimeOnly.MinValue) };
    }

    private string? E(string field) => errors.TryGetValue(field, out var m) ? m[0] : null;

    private async Task Register()
    {
        var request = new MentalRegistration(picked!.Id, form.Disorder, form.DiagnosedAt, form.DiagnosedOn is { } d ? DateOnly.FromDateTime(d) : ChinaTime.Today(Clock),
            form.GuardianName, form.GuardianPhone, form.Consent);
        var outcome = UiResults.Unpack<MentalPatientView>(await Registration.Run((h, ct) => h.HandleAsync(request, ct)));
        errors = outcome.Errors;
        if (outcome.Value is { } saved)
        {
            Navigation.NavigateTo($"/public-health/mental/{saved.Id}");
            return;
        }
        message = outcome.AllErrors;
    }
}
