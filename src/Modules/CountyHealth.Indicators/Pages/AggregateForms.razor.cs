using CountyHealth.Indicators.Domain;
using CountyHealth.Indicators.Figures;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Ui;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CountyHealth.Indicators.Pages;

public sealed partial class AggregateForms
{
    [Inject] private UiHandler<ListForms> Forms { get; set; } = default!;
    [Inject] private UiHandler<GetFormSheet> Sheet { get; set; } = default!;
    [Inject] private UiHandler<GetAggregateReport> Report { get; set; } = default!;
    [Inject] private UiHandler<SaveAggregateReport> SaveReport { get; set; } = default!;
    [Inject] private UiHandler<ReviewAggregateReport> ReviewReport { get; set; } = default!;
    [Inject] private UiHandler<RunValidation> Validation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private int tab;
    private List<FormRow> forms = [];
    private string form = "";
    private string? month;
    private string? sheetError;
    private FormSheet? sheet;
    private AggregateReportView? report;
    private readonly Dictionary<string, decimal?> values = [];
    private string? explanation;
    private string? reason;
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();
    private string? message;
    private bool messageOk;
    private string? from;
    private string? to;
    private string runForm = "";
    private string? runError;
    private ValidationRun? run;

    protected override async Task OnInitializedAsync()
    {
        // A month is reported after it closes: the page opens on last month.
        var last = ChinaTime.Today(Clock).AddMonths(-1);
        month = $"{last:yyyy-MM}";
        (from, to) = ($"{last.AddMonths(-11):yyyy-MM}", $"{last:yyyy-MM}");
        forms = await Forms.Run((h, _) => Task.FromResult(h.Handle()));
        // The first form the user has institutions for (a village doctor opens on the population form, not on supervision's).
        foreach (var f in forms)
        {
            form = f.Code;
            await LoadSheet();
            if (sheet is { Rows.Count: > 0 })
            {
                return;
            }
        }
        form = forms.FirstOrDefault()?.Code ?? "";
        await LoadSheet();
    }

    private async Task LoadSheet()
    {
        var outcome = UiResults.Unpack<FormSheet>(await Sheet.Run((h, ct) => h.HandleAsync(new FormSheetQuery(form, month), ct)));
        sheetError = outcome.ErrorFor("month") ?? outcome.Message;
        sheet = outcome.Value;
        report = null;
        // One institution to report for (a director, an inspector): its form opens at once.
        if (sheet is { Rows.Count: 1 })
        {
            await Open(sheet.Rows[0].InstitutionId);
        }
    }

    private async Task Open(Guid institution)
    {
        var outcome = UiResults.Unpack<AggregateReportView>(await Report.Run((h, ct) => h.HandleAsync(new ReportQuery(form, institution, month ?? ""), ct)));
        Show(outcome.Value, outcome.Message);
    }

    private async Task Save(bool submit)
    {
        if (report is null)
        {
            return;
        }
        var request = new AggregateReportRequest(report.Form, report.InstitutionId, report.Month, values.ToDictionary(), explanation, submit);
        var outcome = UiResults.Unpack<AggregateReportView>(await SaveReport.Run((h, ct) => h.HandleAsync(request, ct)));
        errors = outcome.Errors;
        if (outcome.Value is { } saved)
        {
            Show(saved, null);
            (message, messageOk) = (submit ? "已上报，等待卫生健康局审核" : "草稿已保存", true);
            await RefreshSheet();
        }
        else
        {
            (message, messageOk) = (outcome.Message ?? (outcome.Errors.Count > 0 ? "有数字不合规则，未保存，请按提示修改" : null), false);
        }
    }

    private async Task Review(Guid id, bool approve)
    {
        var outcome = UiResults.Unpack<AggregateReportView>(await ReviewReport.Run((h, ct) => h.HandleAsync(id, new ReviewReportRequest(approve, reason), ct)));
        errors = outcome.Errors;
        if (outcome.Value is { } reviewed)
        {
            Show(reviewed, null);
            (message, messageOk) = (approve ? "已审核通过，数字计入指标" : "已退回，填报机构可修改后重新上报", true);
            await RefreshSheet();
        }
        else
        {
            (message, messageOk) = (outcome.Message, false);
        }
    }

    private void Show(AggregateReportView? view, string? problem)
    {
        report = view;
        values.Clear();
        foreach (var f in view?.Fields ?? [])
        {
            values[f.Key] = f.Value;
        }
        explanation = view?.Explanation;
        (reason, message, messageOk) = (null, problem, false);
        errors = new Dictionary<string, string[]>();
    }

    private async Task RefreshSheet() =>
        sheet = UiResults.Unpack<FormSheet>(await Sheet.Run((h, ct) => h.HandleAsync(new FormSheetQuery(form, month), ct))).Value ?? sheet;

    private async Task RunValidation()
    {
        var outcome = UiResults.Unpack<ValidationRun>(await Validation.Run((h, ct) => h.HandleAsync(new ValidationQuery(from, to, runForm.Length == 0 ? null : runForm), ct)));
        runError = outcome.Ok ? null : outcome.AllErrors;
        run = outcome.Value;
    }

    private string? FieldError(string key) => errors.TryGetValue(key.Contains('.') || key is "explanation" or "reason" ? key : "values." + key, out var m) ? string.Join("；", m) : null;

    private static string Show(decimal? value, int decimals) => value is { } v ? v.ToString("N" + decimals, System.Globalization.CultureInfo.InvariantCulture) : "—";

    private static Color StatusColor(ReportStatus? status) => status switch
    {
        ReportStatus.Approved => Color.Success,
        ReportStatus.Submitted => Color.Info,
        ReportStatus.Returned => Color.Warning,
        ReportStatus.Draft => Color.Default,
        _ => Color.Error,
    };

    private static Color KindColor(string kind) => kind switch
    {
        "不合规则" => Color.Error,
        "异常波动" => Color.Warning,
        _ => Color.Default,
    };
}
