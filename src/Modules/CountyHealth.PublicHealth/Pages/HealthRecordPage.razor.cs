using CountyHealth.Kernel.Ui;
using CountyHealth.PublicHealth.Records;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.PublicHealth.Pages;

public sealed partial class HealthRecordPage
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private UiHandler<GetHealthRecord> Get { get; set; } = default!;
    [Inject] private UiHandler<SaveHealthRecord> SaveRecord { get; set; } = default!;

    private HealthRecordView? record;
    private readonly IReadOnlyList<RecordFieldView> fields = RecordCodeTable.Views;
    private Dictionary<string, HashSet<string>> answers = [];
    private string? doctor;
    private string? message;
    private bool messageOk;
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    protected override async Task OnParametersSetAsync()
    {
        var outcome = UiResults.Unpack<HealthRecordView>(await Get.Run((h, ct) => h.HandleAsync(Id, ct)));
        (record, message) = (outcome.Value, outcome.Message);
        Start();
    }

    private void Start()
    {
        answers = (record?.Answers ?? new Dictionary<string, string>()).ToDictionary(a => a.Key, a => a.Value.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal));
        doctor = record?.ResponsibleDoctor;
    }

    private bool Has(string field, string code) => answers.TryGetValue(field, out var set) && set.Contains(code);

    private string Single(string field) => answers.TryGetValue(field, out var set) ? set.FirstOrDefault() ?? "" : "";

    private void Set(string field, string code) => answers[field] = code.Length == 0 ? [] : [code];

    private void Toggle(string field, string code, bool on)
    {
        if (!answers.TryGetValue(field, out var set))
        {
            answers[field] = set = [];
        }
        if (on)
        {
            set.Add(code);
        }
        else
        {
            set.Remove(code);
        }
    }

    private string? E(string field) => errors.TryGetValue("answers." + field, out var m) ? m[0] : null;

    private async Task Save()
    {
        var request = new HealthRecordRequest(answers.Where(a => a.Value.Count > 0).ToDictionary(a => a.Key, a => string.Join(",", a.Value)), doctor, record!.Version);
        var wasNew = record.Number is null;
        var outcome = UiResults.Unpack<HealthRecordView>(await SaveRecord.Run((h, ct) => h.HandleAsync(Id, request, ct)));
        errors = outcome.Errors;
        messageOk = outcome.Ok;
        if (outcome.Value is { } saved)
        {
            record = saved;
            message = wasNew ? $"已建档，档案编号 {saved.Number}" : "个人基本信息已保存";
            Start();
        }
        else
        {
            message = outcome.AllErrors;
        }
    }
}
