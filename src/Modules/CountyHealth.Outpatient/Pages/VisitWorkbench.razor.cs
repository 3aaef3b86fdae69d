using CountyHealth.Billing.Contracts;
using CountyHealth.Kernel.Ui;
using CountyHealth.Outpatient.Orders;
using CountyHealth.Outpatient.Prescriptions;
using CountyHealth.Outpatient.Visits;
using CountyHealth.Pharmacy.Contracts;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace CountyHealth.Outpatient.Pages;

/// <summary>The doctor's workbench for one visit: record and vital signs, diagnoses, orders, prescriptions, finish.</summary>
public sealed partial class VisitWorkbench
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private UiHandler<GetVisit> Visit { get; set; } = default!;
    [Inject] private UiHandler<SaveRecord> Record { get; set; } = default!;
    [Inject] private UiHandler<FindDiagnoses> Diagnoses { get; set; } = default!;
    [Inject] private UiHandler<SaveDiagnoses> SaveDiagnoses { get; set; } = default!;
    [Inject] private UiHandler<FindDrugs> Drugs { get; set; } = default!;
    [Inject] private UiHandler<WritePrescription> Prescribe { get; set; } = default!;
    [Inject] private UiHandler<CancelPrescription> Cancel { get; set; } = default!;
    [Inject] private UiHandler<ListOrderableItems> Orderable { get; set; } = default!;
    [Inject] private UiHandler<AddOrders> Order { get; set; } = default!;
    [Inject] private UiHandler<FinishVisit> FinishIt { get; set; } = default!;
    [Inject] private UiHandler<ReopenVisit> ReopenIt { get; set; } = default!;

    private bool reopening;
    private string? reopenReason;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private sealed class Line
    {
        public required DrugInfo Drug { get; init; }
        public decimal Dose { get; set; }
        public string Frequency { get; set; } = "qd";
        public string Route { get; set; } = "";
        public int Days { get; set; } = 7;
    }

    private sealed class Rec
    {
        public string? ChiefComplaint { get; set; }
        public string? PresentIllness { get; set; }
        public string? PastHistory { get; set; }
        public string? Allergies { get; set; }
        public string? PhysicalExam { get; set; }
        public string? Advice { get; set; }
        public int? SystolicBp { get; set; }
        public int? DiastolicBp { get; set; }
        public decimal? Temperature { get; set; }
        public int? Pulse { get; set; }
        public int? RespiratoryRate { get; set; }
        public decimal? WeightKg { get; set; }
        public decimal? HeightCm { get; set; }
        public decimal? FastingGlucose { get; set; }
    }

    private VisitDetail? visit;
    private string? loadError;
    private Rec rec = new();
    private string? dxQuery, drugQuery;
    private IReadOnlyList<DiagnosisCode> dxResults = [];
    private List<DiagnosisRow> diagnoses = [];
    private IReadOnlyList<DrugInfo> drugResults = [];
    private readonly List<Line> lines = [];
    private IReadOnlyList<PriceItemInfo> priceItems = [];
    private readonly HashSet<string> chosenOrders = [];
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    private string? E(string f) => errors.TryGetValue(f, out var m) ? string.Join("；", m) : null;

    protected override async Task OnParametersSetAsync()
    {
        await Reload();
        priceItems = await Orderable.Run((h, ct) => h.HandleAsync(ct));
        if (visit is not null)
        {
            var r = visit.Record;
            rec = new Rec
            {
                ChiefComplaint = r.ChiefComplaint,
                PresentIllness = r.PresentIllness,
                PastHistory = r.PastHistory,
                Allergies = r.Allergies,
                PhysicalExam = r.PhysicalExam,
                Advice = r.Advice,
                SystolicBp = r.SystolicBp,
                DiastolicBp = r.DiastolicBp,
                Temperature = r.Temperature,
                Pulse = r.Pulse,
                RespiratoryRate = r.RespiratoryRate,
                WeightKg = r.WeightKg,
                HeightCm = r.HeightCm,
                FastingGlucose = r.FastingGlucose,
            };
            diagnoses = visit.Diagnoses.ToList();
        }
    }

    private async Task Reload()
    {
        var outcome = UiResults.Unpack<VisitDetail>(await Visit.Run((h, ct) => h.HandleAsync(Id, ct)));
        visit = outcome.Value;
        loadError = outcome.Message;
    }

    private RecordRequest ToRequest() => new(rec.ChiefComplaint, rec.PresentIllness, rec.PastHistory, rec.Allergies, rec.PhysicalExam, rec.Advice,
        rec.SystolicBp, rec.DiastolicBp, rec.Temperature, rec.Pulse, rec.RespiratoryRate, rec.WeightKg, rec.HeightCm, rec.FastingGlucose);

    private async Task SaveRecord()
    {
        var request = ToRequest();
        await Done(UiResults.Unpack<object>(await Record.Run((h, ct) => h.HandleAsync(Id, request, ct))), "病历已保存");
    }

    private async Task Done<T>(UiOutcome<T> outcome, string success)
    {
        errors = outcome.Errors;
        if (!outcome.Ok)
        {
            Snackbar.Add(outcome.AllErrors, Severity.Error);
            return;
        }
        Snackbar.Add(success, Severity.Success);
        await Reload();
    }

    private async Task DxKey(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await SearchDx();
        }
    }

    private async Task SearchDx() => dxResults = await Diagnoses.Run((h, ct) => h.HandleAsync(dxQuery, ct));

    private void AddDx(DiagnosisCode d)
    {
        if (diagnoses.All(x => x.Code != d.Code))
        {
            diagnoses.Add(new DiagnosisRow(d.Code, d.Name, diagnoses.Count == 0));
        }
        dxResults = [];
        dxQuery = "";
    }

    private void RemoveDx(DiagnosisRow d) => diagnoses.Remove(d);

    private async Task SaveDx()
    {
        var request = new DiagnosesRequest(diagnoses.Select(d => new DiagnosisRequest(d.Code, d.IsPrimary)).ToList());
        await Done(UiResults.Unpack<List<DiagnosisRow>>(await SaveDiagnoses.Run((h, ct) => h.HandleAsync(Id, request, ct))), "诊断已保存");
    }

    private async Task DrugKey(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await SearchDrugs();
        }
    }

    private async Task SearchDrugs() => drugResults = await Drugs.Run((h, ct) => h.HandleAsync(drugQuery, ct));

    private void AddLine(DrugInfo d)
    {
        lines.Add(new Line { Drug = d, Dose = d.DefaultDose, Frequency = d.DefaultFrequency, Route = d.DefaultRoute, Days = 7 });
        drugResults = [];
        drugQuery = "";
    }

    private async Task SavePrescription()
    {
        var request = new PrescriptionRequest(lines.Select(l => new PrescriptionItemRequest(l.Drug.Id, l.Dose, l.Frequency, l.Route, l.Days)).ToList());
        var outcome = UiResults.Unpack<PrescriptionRow>(await Prescribe.Run((h, ct) => h.HandleAsync(Id, request, ct)));
        if (outcome.Value is not null)
        {
            lines.Clear();
        }
        await Done(outcome, "处方已开具，请患者到收费处缴费");
    }

    private async Task CancelPrescription(Guid prescriptionId) =>
        await Done(UiResults.Unpack<object>(await Cancel.Run((h, ct) => h.HandleAsync(prescriptionId, ct))), "处方已作废");

    private void ToggleOrder(string code, bool on)
    {
        if (on)
        {
            chosenOrders.Add(code);
        }
        else
        {
            chosenOrders.Remove(code);
        }
    }

    private async Task SaveOrders()
    {
        var request = new OrdersRequest(chosenOrders.ToList());
        var outcome = UiResults.Unpack<List<OrderRow>>(await Order.Run((h, ct) => h.HandleAsync(Id, request, ct)));
        if (outcome.Value is not null)
        {
            chosenOrders.Clear();
        }
        await Done(outcome, "检查检验单已开具");
    }

    private async Task Finish() => await Done(UiResults.Unpack<object>(await FinishIt.Run((h, ct) => h.HandleAsync(Id, ct))), "接诊完成");

    private async Task Reopen()
    {
        var request = new ReopenRequest(reopenReason ?? "");
        var outcome = UiResults.Unpack<object>(await ReopenIt.Run((h, ct) => h.HandleAsync(Id, request, ct)));
        reopening = !outcome.Ok;
        await Done(outcome, "已重新接诊，可以修改病历");
    }
}
