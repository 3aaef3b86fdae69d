using CountyHealth.Kernel.Auditing;

namespace CountyHealth.PublicHealth.Domain;

/// <summary>老年人生活自理能力评估 grade from the total score (0–3, 4–8, 9–18, ≥19).</summary>
public enum SelfCareGrade
{
    Independent = 1,
    Mild = 2,
    Moderate = 3,
    Dependent = 4,
}

/// <summary>A rough screen's result (认知功能, 情感状态): 粗筛阴性 or 粗筛阳性.</summary>
public enum ScreenResult
{
    Negative = 1,
    Positive = 2,
}

/// <summary>
/// The annual health management of a resident of 65 and over (老年人健康管理): the self-care assessment by its five
/// item scores, the physical examination's core figures, the rough screens, the tests done, and the guidance given. Kept
/// by the institution that manages her.
/// </summary>
internal sealed class ElderlyCheck : IPersonalHealthData, IProgrammeService
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResidentId { get; set; }
    public Guid InstitutionId { get; set; }
    public DateOnly Date { get; set; }
    public int Eating { get; set; }
    public int Grooming { get; set; }
    public int Dressing { get; set; }
    public int Toileting { get; set; }
    public int Mobility { get; set; }
    public int SelfCareScore { get; set; }
    public SelfCareGrade SelfCareGrade { get; set; }
    public int SystolicBp { get; set; }
    public int DiastolicBp { get; set; }
    public decimal HeightCm { get; set; }
    public decimal WeightKg { get; set; }
    public decimal? WaistCm { get; set; }
    public decimal? FastingGlucose { get; set; }
    public ScreenResult Cognition { get; set; }
    public int? MmseScore { get; set; }
    public ScreenResult Mood { get; set; }
    public int? GdsScore { get; set; }

    /// <summary>The tests done, as keys of <see cref="ElderlyRules.Tests"/> ("blood,urine,liver").</summary>
    public string TestsDone { get; set; } = "";

    /// <summary>The guidance given, as keys of <see cref="ElderlyRules.Guidance"/>.</summary>
    public string Guidance { get; set; } = "";
    public bool Complete { get; set; }
    public string DoctorName { get; set; } = "";
    public DateTime RecordedAt { get; set; }

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;
}

/// <summary>
/// The older people's service rules (规范 第三版; ../shared/domain/phs-forms-and-schedules.md §2): the self-care scale's
/// allowed scores per item (进餐 and 穿衣 have no mild level) and its bands; a check counts as health management when it
/// is complete — self-care assessed, blood pressure, height and weight measured, every test of the specification done,
/// and guidance given.
/// </summary>
public static class ElderlyRules
{
    public const int MinimumAge = 65;

    /// <summary>Each item's allowed scores, in the form's columns (可自理, 轻度依赖, 中度依赖, 不能自理).</summary>
    public static readonly IReadOnlyDictionary<string, int[]> ItemScores = new Dictionary<string, int[]>(StringComparer.Ordinal)
    {
        ["eating"] = [0, 3, 5],
        ["grooming"] = [0, 1, 3, 7],
        ["dressing"] = [0, 3, 5],
        ["toileting"] = [0, 1, 5, 10],
        ["mobility"] = [0, 1, 5, 10],
    };

    public static readonly IReadOnlyDictionary<string, string> ItemNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["eating"] = "进餐",
        ["grooming"] = "梳洗",
        ["dressing"] = "穿衣",
        ["toileting"] = "如厕",
        ["mobility"] = "活动",
    };

    /// <summary>The tests of the annual check (辅助检查, 3rd edition).</summary>
    public static readonly IReadOnlyList<(string Key, string Name)> Tests =
    [
        ("blood", "血常规"), ("urine", "尿常规"), ("liver", "肝功能"), ("kidney", "肾功能"), ("glucose", "空腹血糖"), ("lipids", "血脂"), ("ecg", "心电图"), ("ultrasound", "腹部B超"),
    ];

    /// <summary>The guidance of the annual check (健康指导).</summary>
    public static readonly IReadOnlyList<(string Key, string Name)> Guidance =
    [
        ("results", "告知体检结果"), ("chronic", "纳入慢性病患者健康管理"), ("recheck", "建议复查"), ("referral", "建议转诊"), ("smoking", "戒烟"), ("drinking", "健康饮酒"),
        ("diet", "饮食"), ("exercise", "锻炼"), ("weight", "减体重"), ("vaccine", "建议疫苗接种"), ("falls", "防跌倒"),
    ];

    public static SelfCareGrade Grade(int total) => total switch
    {
        <= 3 => SelfCareGrade.Independent,
        <= 8 => SelfCareGrade.Mild,
        <= 18 => SelfCareGrade.Moderate,
        _ => SelfCareGrade.Dependent,
    };

    public static string GradeName(SelfCareGrade g) => g switch
    {
        SelfCareGrade.Independent => "可自理",
        SelfCareGrade.Mild => "轻度依赖",
        SelfCareGrade.Moderate => "中度依赖",
        _ => "不能自理",
    };

    /// <summary>Complete when every test was done and some guidance given (the measures and the scale are required fields).</summary>
    public static bool IsComplete(IReadOnlyCollection<string> testsDone, IReadOnlyCollection<string> guidance) =>
        Tests.All(t => testsDone.Contains(t.Key)) && guidance.Count > 0;
}
