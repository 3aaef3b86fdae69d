using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Ui;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Elderly;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.PublicHealth.Pages;

public sealed partial class ElderlyPage
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private UiHandler<GetElderly> Get { get; set; } = default!;
    [Inject] private UiHandler<RecordElderlyCheck> Record { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private ElderlyView? person;
    private Form form = new();
    private string? message;
    private bool messageOk;
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    /// <summary>The check form as the page edits it.</summary>
    private sealed class Form
    {
        public DateTime? Date { get; set; }
        public Dictionary<string, int> Scores { get; } = ElderlyRules.ItemScores.Keys.ToDictionary(k => k, _ => 0);
        public int? SystolicBp { get; set; }
        public int? DiastolicBp { get; set; }
        public decimal? HeightCm { get; set; }
        public decimal? WeightKg { get; set; }
        public decimal? WaistCm { get; set; }
        public decimal? FastingGlucose { get; set; }
        public ScreenResult Cognition { get; set; } = ScreenResult.Negative;
        public int? MmseScore { get; set; }
        public ScreenResult Mood { get; set; } = ScreenResult.Negative;
        public int? GdsScore { get; set; }
        public HashSet<string> Tests { get; } = [];
        public HashSet<string> Guidance { get; } = ["results"];
    }

    private int Total => form.Scores.Values.Sum();

    private string Grade => ElderlyRules.GradeName(ElderlyRules.Grade(Total));

    protected override async Task OnParametersSetAsync()
    {
        var outcome = UiResults.Unpack<ElderlyView>(await Get.Run((h, ct) => h.HandleAsync(Id, ct)));
        (person, message) = (outcome.Value, outcome.Message);
        form = new Form { Date = ChinaTime.Today(Clock).ToDateTime(TimeOnly.MinValue) };
    }

    private static void Toggle(HashSet<string> set, string key, bool on)
    {
        if (on)
        {
            set.Add(key);
        }
        else
        {
            set.Remove(key);
        }
    }

    private string? E(string field) => errors.TryGetValue(field, out var m) ? m[0] : null;

    private async Task Save()
    {
        var request = new ElderlyCheckRequest(form.Date is { } d ? DateOnly.FromDateTime(d) : ChinaTime.Today(Clock), form.Scores["eating"], form.Scores["grooming"],
            form.Scores["dressing"], form.Scores["toileting"], form.Scores["mobility"], form.SystolicBp, form.DiastolicBp, form.HeightCm, form.WeightKg, form.WaistCm,
            form.FastingGlucose, form.Cognition, form.MmseScore, form.Mood, form.GdsScore, form.Tests.ToList(), form.Guidance.ToList());
        var outcome = UiResults.Unpack<ElderlyView>(await Record.Run((h, ct) => h.HandleAsync(Id, request, ct)));
        errors = outcome.Errors;
        messageOk = outcome.Ok;
        if (outcome.Value is { } saved)
        {
            person = saved;
            var latest = saved.Checks[0];
            message = $"体检已保存：自理能力{latest.SelfCareGrade}（{latest.SelfCareScore}分），{(latest.Complete ? "完整体检，计入健康管理" : "辅助检查不全，暂不计入健康管理")}";
            form = new Form { Date = ChinaTime.Today(Clock).ToDateTime(TimeOnly.MinValue) };
        }
        else
        {
            message = outcome.AllErrors;
        }
    }
}
