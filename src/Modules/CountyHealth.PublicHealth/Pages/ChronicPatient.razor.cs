using CountyHealth.Kernel.Reference;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Ui;
using CountyHealth.PublicHealth.Chronic;
using CountyHealth.PublicHealth.Domain;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.PublicHealth.Pages;

public sealed partial class ChronicPatient
{
    [Parameter] public Guid Id { get; set; }
    [SupplyParameterFromQuery] public Guid? Visit { get; set; }

    [Inject] private UiHandler<GetEnrolment> Get { get; set; } = default!;
    [Inject] private UiHandler<RecordFollowUp> Record { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ReferenceTable<ChronicThresholds> Thresholds { get; set; } = default!;

    private EnrolmentView? patient;
    private Form form = new();
    private string? message;
    private bool messageOk;
    private string? lastAdvice;
    private Referral lastReferral;
    private bool lastControlled;
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    /// <summary>The follow-up form as the page edits it.</summary>
    private sealed class Form
    {
        public DateTime? Date { get; set; }
        public FollowUpMode Mode { get; set; } = FollowUpMode.Clinic;
        public HashSet<string> Symptoms { get; } = [];
        public int? SystolicBp { get; set; }
        public int? DiastolicBp { get; set; }
        public int? HeartRate { get; set; }
        public decimal? WeightKg { get; set; }
        public decimal? TargetWeightKg { get; set; }
        public decimal? FastingGlucose { get; set; }
        public int? CigarettesPerDay { get; set; }
        public decimal? SpiritsLiangPerDay { get; set; }
        public int? ExerciseTimesPerWeek { get; set; }
        public int? ExerciseMinutes { get; set; }
        public Adherence Adherence { get; set; } = Adherence.Regular;
        public string? AdverseReaction { get; set; }
        public string? Complication { get; set; }
    }

    protected override async Task OnParametersSetAsync()
    {
        var outcome = UiResults.Unpack<EnrolmentView>(await Get.Run((h, ct) => h.HandleAsync(Id, new EnrolmentQuery(Visit), ct)));
        (patient, message) = (outcome.Value, outcome.Message);
        Start();
    }

    /// <summary>A fresh form: today, or the visit's day and measurements when it came from a visit not yet recorded.</summary>
    private void Start()
    {
        form = new Form { Date = ChinaTime.Today(Clock).ToDateTime(TimeOnly.MinValue) };
        if (patient?.FromVisit is { } v)
        {
            (form.Date, form.SystolicBp, form.DiastolicBp, form.HeartRate, form.WeightKg, form.FastingGlucose) =
                (v.Date.ToDateTime(TimeOnly.MinValue), v.SystolicBp, v.DiastolicBp, v.HeartRate, v.WeightKg, v.FastingGlucose);
        }
    }

    private void Toggle(string code, bool on)
    {
        if (on)
        {
            form.Symptoms.Add(code);
        }
        else
        {
            form.Symptoms.Remove(code);
        }
    }

    private string? E(string field) => errors.TryGetValue(field, out var m) ? m[0] : null;

    private async Task Save()
    {
        var date = form.Date is { } d ? DateOnly.FromDateTime(d) : ChinaTime.Today(Clock);
        var request = new FollowUpRequest(date, form.Mode, form.Symptoms.ToList(), null, form.SystolicBp, form.DiastolicBp, form.HeartRate, form.WeightKg, form.TargetWeightKg,
            form.FastingGlucose, form.CigarettesPerDay, form.SpiritsLiangPerDay, form.ExerciseTimesPerWeek, form.ExerciseMinutes, form.Adherence, form.AdverseReaction,
            form.Complication, patient!.FromVisit?.VisitId, patient.Version);
        var outcome = UiResults.Unpack<EnrolmentView>(await Record.Run((h, ct) => h.HandleAsync(Id, request, ct)));
        errors = outcome.Errors;
        messageOk = outcome.Ok;
        // A saved follow-up is told by its outcome (class, action, next date) below; only a refusal needs a message.
        message = outcome.Ok ? null : outcome.AllErrors;
        if (outcome.Value is { } saved)
        {
            patient = saved;
            var latest = saved.FollowUps.Count > 0 ? saved.FollowUps[0] : null;
            (lastAdvice, lastReferral, lastControlled) = (latest is null ? null : $"{latest.ClassName}：{latest.Advice}（下次随访 {latest.NextDueOn}）",
                latest?.Referral ?? Referral.None, latest?.Class == FollowUpClass.Controlled);
            Start();
        }
    }
}
