using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Ui;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Mental;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.PublicHealth.Pages;

public sealed partial class MentalPatientPage
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private UiHandler<GetMentalPatient> Get { get; set; } = default!;
    [Inject] private UiHandler<RecordMentalFollowUp> Record { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private MentalPatientView? patient;
    private Form form = new();
    private string? message;
    private bool messageOk;
    private MentalClass? lastClass;
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    /// <summary>The follow-up form as the page edits it.</summary>
    private sealed class Form
    {
        public DateTime? Date { get; set; }
        public FollowUpMode Mode { get; set; } = FollowUpMode.Home;
        public int RiskGrade { get; set; }
        public Insight Insight { get; set; } = Insight.Full;
        public Adherence Adherence { get; set; } = Adherence.Regular;
        public bool MarkedSymptoms { get; set; }
        public bool PoorSocialFunction { get; set; }
        public bool AcuteReaction { get; set; }
        public bool SeriousPhysicalIllness { get; set; }
    }

    protected override async Task OnParametersSetAsync()
    {
        var outcome = UiResults.Unpack<MentalPatientView>(await Get.Run((h, ct) => h.HandleAsync(Id, ct)));
        (patient, message) = (outcome.Value, outcome.Message);
        form = new Form { Date = ChinaTime.Today(Clock).ToDateTime(TimeOnly.MinValue) };
    }

    private string? E(string field) => errors.TryGetValue(field, out var m) ? m[0] : null;

    private async Task Save()
    {
        var request = new MentalFollowUpRequest(form.Date is { } d ? DateOnly.FromDateTime(d) : ChinaTime.Today(Clock), form.Mode, form.RiskGrade, form.MarkedSymptoms, form.Insight,
            form.PoorSocialFunction, form.AcuteReaction, form.SeriousPhysicalIllness, form.Adherence, patient!.Version);
        var outcome = UiResults.Unpack<MentalPatientView>(await Record.Run((h, ct) => h.HandleAsync(Id, request, ct)));
        errors = outcome.Errors;
        messageOk = outcome.Ok;
        if (outcome.Value is { } saved)
        {
            patient = saved;
            var latest = saved.FollowUps[0];
            lastClass = latest.Class;
            message = $"随访已保存：{latest.ClassName}。{latest.Advice}（下次随访 {latest.NextDueOn}）";
            form = new Form { Date = ChinaTime.Today(Clock).ToDateTime(TimeOnly.MinValue) };
        }
        else
        {
            message = outcome.AllErrors;
        }
    }
}
