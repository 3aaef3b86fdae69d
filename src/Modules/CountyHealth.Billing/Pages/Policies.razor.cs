using System.Globalization;
using CountyHealth.Billing.Insurance;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Ui;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CountyHealth.Billing.Pages;

public sealed partial class Policies
{
    [Inject] private UiHandler<ListPolicies> List { get; set; } = default!;
    [Inject] private UiHandler<CreatePolicy> Create { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private List<PolicyView> policies = [];
    private PolicyForm form = new();
    private bool busy;
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    private IEnumerable<(string Code, string Name)> Schemes => policies.Select(p => (p.SchemeCode, p.SchemeName)).Distinct();

    private string? E(string field) => errors.TryGetValue(field, out var m) ? string.Join("；", m) : null;

    private static string Pct(decimal share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    protected override async Task OnInitializedAsync()
    {
        policies = await List.Run((h, ct) => h.HandleAsync(ct));
        SchemeChanged(policies.FirstOrDefault()?.SchemeCode ?? "CXJM");
    }

    private void SchemeChanged(string code)
    {
        var current = policies.FirstOrDefault(p => p.SchemeCode == code && p.InForce) ?? policies.FirstOrDefault(p => p.SchemeCode == code);
        form = PolicyForm.From(code, current, ChinaTime.Today(Clock));
        errors = new Dictionary<string, string[]>();
    }

    private async Task Save()
    {
        busy = true;
        try
        {
            var request = form.ToRequest();
            var outcome = UiResults.Unpack<PolicyView>(await Create.Run((h, ct) => h.HandleAsync(request, ct)));
            errors = outcome.Errors;
            if (outcome.Value is { } saved)
            {
                Snackbar.Add($"已保存：{saved.Name}，{ChinaTime.FormatDate(saved.EffectiveFrom)}起生效", Severity.Success);
                policies = await List.Run((h, ct) => h.HandleAsync(ct));
                SchemeChanged(saved.SchemeCode);
            }
        }
        finally
        {
            busy = false;
        }
    }

    /// <summary>The form in the units people write (percentages); the request in fractions.</summary>
    private sealed class PolicyForm
    {
        public string SchemeCode { get; set; } = "";
        public string? Name { get; set; }
        public DateTime? EffectiveFrom { get; set; }
        public decimal PersonalContribution { get; set; }
        public decimal SubsidyPerPerson { get; set; }
        public decimal AnnualCap { get; set; }
        public decimal ClassBPercent { get; set; }
        public int ElderlyAge { get; set; } = 70;
        public decimal TcmCutPercent { get; set; }
        public List<RateRow> Rates { get; } = [];

        public static PolicyForm From(string scheme, PolicyView? current, DateOnly today)
        {
            var f = new PolicyForm
            {
                SchemeCode = scheme,
                Name = current is null ? null : $"{today.Year + 1}年度{current.SchemeName}补偿方案",
                EffectiveFrom = new DateOnly(today.Year + 1, 1, 1).ToDateTime(TimeOnly.MinValue),
                PersonalContribution = current?.PersonalContribution ?? 0,
                SubsidyPerPerson = current?.SubsidyPerPerson ?? 0,
                AnnualCap = current?.AnnualCap ?? 0,
                ClassBPercent = (current?.ClassBSelfPayShare ?? 0) * 100,
                ElderlyAge = current?.ElderlyAge ?? 70,
                TcmCutPercent = (current?.TcmInpatientDeductibleCut ?? 0) * 100,
            };
            foreach (var (setting, settingName) in new[] { ("Outpatient", "门诊"), ("Inpatient", "住院") })
            {
                foreach (var (level, levelName) in new[] { ("Village", "村卫生室"), ("Township", "乡镇卫生院"), ("County", "县级医疗机构"), ("AboveCounty", "县外医疗机构") })
                {
                    var rate = current?.Rates.FirstOrDefault(r => r.Setting == setting && r.Level == level);
                    f.Rates.Add(new RateRow
                    {
                        Setting = setting,
                        SettingName = settingName,
                        Level = level,
                        LevelName = levelName,
                        Used = rate is not null,
                        Deductible = rate?.Deductible ?? 0,
                        RatioPercent = (rate?.Ratio ?? 0) * 100,
                        UpliftPoints = (rate?.ElderlyUplift ?? 0) * 100,
                    });
                }
            }
            return f;
        }

        public PolicyRequest ToRequest() => new(SchemeCode, Name ?? "", EffectiveFrom is { } d ? DateOnly.FromDateTime(d) : default, PersonalContribution, SubsidyPerPerson,
            AnnualCap, ClassBPercent / 100, ElderlyAge, TcmCutPercent / 100,
            Rates.Where(r => r.Used).Select(r => new PolicyRateRequest(r.Setting, r.Level, r.Deductible, r.RatioPercent / 100, r.UpliftPoints / 100)).ToList());
    }

    private sealed class RateRow
    {
        public string Setting { get; init; } = "";
        public string SettingName { get; init; } = "";
        public string Level { get; init; } = "";
        public string LevelName { get; init; } = "";
        public bool Used { get; set; }
        public decimal Deductible { get; set; }
        public decimal RatioPercent { get; set; }
        public decimal UpliftPoints { get; set; }
    }
}
