using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Ui;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Tuberculosis;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.PublicHealth.Pages;

public sealed partial class TbPatientPage
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private UiHandler<GetTbPatient> Get { get; set; } = default!;
    [Inject] private UiHandler<RecordTbVisit> Record { get; set; } = default!;
    [Inject] private UiHandler<StopTbTreatment> Stopping { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private TbPatientView? patient;
    private Form form = new();
    private StopForm stop = new();
    private string? message;
    private bool messageOk;
    private bool referral;
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    /// <summary>The visit form as the page edits it.</summary>
    private sealed class Form
    {
        public DateTime? Date { get; set; }
        public FollowUpMode Mode { get; set; } = FollowUpMode.Home;
        public TbSupervisor Supervisor { get; set; } = TbSupervisor.Family;
        public int MissedDoses { get; set; }
        public HashSet<string> Symptoms { get; } = [];
        public bool AdverseReaction { get; set; }
        public bool Complication { get; set; }
    }

    /// <summary>The stop form with the treatment card's course summary.</summary>
    private sealed class StopForm
    {
        public DateTime? Date { get; set; }
        public TbStopReason Reason { get; set; } = TbStopReason.Completed;
        public int VisitsDue { get; set; } = 1;
        public int DosesDue { get; set; } = 180;
        public int DosesTaken { get; set; }
    }

    protected override async Task OnParametersSetAsync()
    {
        var outcome = UiResults.Unpack<TbPatientView>(await Get.Run((h, ct) => h.HandleAsync(Id, ct)));
        (patient, message) = (outcome.Value, outcome.Message);
        Reset();
    }

    private void Reset()
    {
        var today = ChinaTime.Today(Clock).ToDateTime(TimeOnly.MinValue);
        form = new Form { Date = today, Supervisor = patient?.Visits.Count > 0 ? Enum.GetValues<TbSupervisor>().First(s => TbRules.SupervisorName(s) == patient.Visits[0].Supervisor) : TbSupervisor.Family };
        stop = new StopForm { Date = today, VisitsDue = Math.Max(1, patient?.Visits.Count ?? 1) };
    }

    private string? E(string field) => errors.TryGetValue(field, out var m) ? m[0] : null;

    private DateOnly Day(DateTime? d) => d is { } x ? DateOnly.FromDateTime(x) : ChinaTime.Today(Clock);

    private async Task Save()
    {
        var request = new TbVisitRequest(Day(form.Date), form.Mode, form.Supervisor, [.. form.Symptoms], form.MissedDoses, form.AdverseReaction, form.Complication, patient!.Version);
        var outcome = UiResults.Unpack<TbPatientView>(await Record.Run((h, ct) => h.HandleAsync(Id, request, ct)));
        Show(outcome);
    }

    private async Task Stop()
    {
        var request = new TbStopRequest(Day(stop.Date), stop.Reason, stop.VisitsDue, stop.DosesDue, stop.DosesTaken, patient!.Version);
        Show(UiResults.Unpack<TbPatientView>(await Stopping.Run((h, ct) => h.HandleAsync(Id, request, ct))));
    }

    private void Show(UiOutcome<TbPatientView> outcome)
    {
        errors = outcome.Errors;
        messageOk = outcome.Ok;
        if (outcome.Value is { } saved)
        {
            patient = saved;
            var latest = saved.Visits.Count > 0 ? saved.Visits[0] : null;
            referral = latest?.Referral == true || latest?.Advice.Contains("报告", StringComparison.Ordinal) == true;
            message = saved.Stopped is { } s ? $"已停止治疗：{s}" : $"随访已保存：{latest?.Advice}（下次随访 {saved.NextDueOn}）";
            Reset();
        }
        else
        {
            message = outcome.Errors.Count > 0 ? "请按提示修改后再保存" : outcome.AllErrors;
        }
    }
}
