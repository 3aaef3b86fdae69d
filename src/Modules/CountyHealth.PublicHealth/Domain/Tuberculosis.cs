using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Reference;

namespace CountyHealth.PublicHealth.Domain;

/// <summary>督导人员 of the TB forms: 1 医生, 2 家属, 3 自服药, 4 其他.</summary>
public enum TbSupervisor
{
    Doctor = 1,
    Family = 2,
    Self = 3,
    Other = 4,
}

/// <summary>停止治疗原因: 1 完成疗程, 2 死亡, 3 丢失, 4 转入耐多药治疗.</summary>
public enum TbStopReason
{
    Completed = 1,
    Died = 2,
    Lost = 3,
    ToMdr = 4,
}

/// <summary>
/// A pulmonary TB patient the designated TB facility notified to the centre for management: the notice, the patient
/// type, sputum and resistance, the regimen and the supervisor chosen at the first home visit; the course summary when
/// treatment stops (visits due and done, doses due and taken).
/// </summary>
internal sealed class TbPatient : IPersonalHealthData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResidentId { get; set; }
    public Guid InstitutionId { get; set; }
    public DateOnly NotifiedOn { get; set; }
    public string DiagnosedAt { get; set; } = "";
    public DateOnly TreatmentStartedOn { get; set; }
    /// <summary>1 初治, 2 复治.</summary>
    public int PatientType { get; set; }
    /// <summary>1 阳性, 2 阴性, 3 未查痰.</summary>
    public int Sputum { get; set; }
    /// <summary>1 耐药, 2 非耐药, 3 未检测.</summary>
    public int Resistance { get; set; }
    public string Regimen { get; set; } = "";
    public TbSupervisor Supervisor { get; set; }
    public string RegisteredBy { get; set; } = "";
    public EnrolmentStatus Status { get; set; } = EnrolmentStatus.Active;
    public DateOnly? FirstVisitOn { get; set; }
    public DateOnly? LastVisitOn { get; set; }
    public DateOnly NextDueOn { get; set; }
    public DateOnly? StoppedOn { get; set; }
    public TbStopReason? StopReason { get; set; }
    public int? VisitsDue { get; set; }
    public int? VisitsDone { get; set; }
    public int? DosesDue { get; set; }
    public int? DosesTaken { get; set; }
    public int Version { get; set; }

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;
}

/// <summary>A home visit (the first, within 72 hours of the notice) or a follow-up of the supervised treatment.</summary>
internal sealed class TbVisit : IPersonalHealthData, IProgrammeService
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PatientId { get; set; }
    public Guid ResidentId { get; set; }
    public Guid InstitutionId { get; set; }
    public bool First { get; set; }
    public DateOnly Date { get; set; }
    public int TreatmentMonth { get; set; }
    public FollowUpMode Mode { get; set; }
    public TbSupervisor Supervisor { get; set; }
    public string Symptoms { get; set; } = "";
    public int MissedDoses { get; set; }
    public bool AdverseReaction { get; set; }
    public bool Complication { get; set; }
    public bool Referral { get; set; }
    public string Advice { get; set; } = "";
    public DateOnly NextDueOn { get; set; }
    public string DoctorName { get; set; } = "";
    public DateTime RecordedAt { get; set; }

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;
}

/// <summary>
/// The TB visit intervals (Resources/tb-follow-up.tsv, corrected by the administrator as the reference table
/// <c>phs.tb-follow-up</c>).
/// </summary>
public sealed record TbIntervals(int FirstVisitDays, int FamilyIntensiveDays, int MonthlyMonths, int ReferralReviewDays, int MissedDosesReported)
{
    private static readonly RuleFigure[] Figures =
    [
        new("first_visit_days", "第一次入户随访天数", 1, 30),
        new("family_intensive_days", "家属督导强化期随访间隔天数", 1, 60),
        new("monthly_months", "随访间隔月数", 1, 6),
        new("referral_review_days", "转诊后随访天数", 1, 90),
        new("missed_doses_reported", "报告上级的漏服次数", 1, 60),
    ];

    public static TbIntervals Parse(string text)
    {
        var f = RuleFigures.Parse(text, Figures);
        return new TbIntervals(f.Whole("first_visit_days"), f.Whole("family_intensive_days"), f.Whole("monthly_months"), f.Whole("referral_review_days"), f.Whole("missed_doses_reported"));
    }

    public string Describe() =>
        $"接到通知后 {FirstVisitDays * 24} 小时内第一次入户随访，确定督导人员；家属督导者强化期每 {FamilyIntensiveDays} 天、其余每 {MonthlyMonths} 个月随访 1 次；" +
        $"不良反应或并发症转诊后 {RuleFigures.Days(ReferralReviewDays)}内随访；漏服药 {MissedDosesReported} 次及以上报告上级结防机构；停止治疗时统计服药率（≥90%为规则服药）。";
}

/// <summary>
/// The TB service rules (../shared/domain/phs-forms-and-schedules.md §6.1): the first home visit within 72 hours of the
/// notice; with a family member supervising, a visit every 10 days in the intensive phase and monthly after it; with
/// medical staff supervising (or self-administered), at least monthly; a week of missed doses reported to the TB
/// institution; regular intake is 90 % or more of the doses due over the course.
/// </summary>
public static class TbRules
{
    /// <summary>Regular intake (规则服药率's numerator) is a definition of the indicator, not a service interval: kept here.</summary>
    public const decimal RegularShare = 0.9m;

    /// <summary>The intensive phase: 2 months for a new patient, 3 for retreatment.</summary>
    public static int IntensiveMonths(int patientType) => patientType == 2 ? 3 : 2;

    public static bool Intensive(DateOnly treatmentStartedOn, int patientType, DateOnly day) => day < treatmentStartedOn.AddMonths(IntensiveMonths(patientType));

    /// <summary>第 n 月 of the treatment on a day (the first month is 1).</summary>
    public static int TreatmentMonth(DateOnly treatmentStartedOn, DateOnly day)
    {
        var months = ((day.Year - treatmentStartedOn.Year) * 12) + day.Month - treatmentStartedOn.Month - (day.Day < treatmentStartedOn.Day ? 1 : 0);
        return Math.Max(1, months + 1);
    }

    public sealed record Outcome(DateOnly NextDueOn, bool Referral, string Advice);

    /// <summary>The next visit and what the findings call for.</summary>
    public static Outcome Assess(TbSupervisor supervisor, bool intensive, int missedDoses, bool adverseReaction, bool complication, DateOnly day, TbIntervals t)
    {
        var family = supervisor == TbSupervisor.Family && intensive;
        var next = family ? day.AddDays(t.FamilyIntensiveDays) : day.AddMonths(t.MonthlyMonths);
        var advice = new List<string>();
        var referral = adverseReaction || complication;
        if (referral)
        {
            advice.Add($"出现药物不良反应或并发症：转诊定点医疗机构，{RuleFigures.Days(t.ReferralReviewDays)}内随访转诊结果");
            var review = day.AddDays(t.ReferralReviewDays);
            next = next > review ? review : next;
        }
        if (missedDoses >= t.MissedDosesReported)
        {
            advice.Add($"漏服药 {missedDoses} 次（达到 {t.MissedDosesReported} 次）：报告上级结核病防治机构，加强督导");
        }
        advice.Add(family ? $"家属督导、强化期：每{t.FamilyIntensiveDays}天随访1次" : t.MonthlyMonths == 1 ? "每月随访1次，督促按时服药和复诊查痰" : $"每{t.MonthlyMonths}个月随访1次，督促按时服药和复诊查痰");
        return new Outcome(next, referral, string.Join("；", advice));
    }

    /// <summary>规则服药: doses taken are 90 % or more of the doses due.</summary>
    public static bool Regular(int dosesDue, int dosesTaken) => dosesDue > 0 && dosesTaken >= dosesDue * RegularShare;

    /// <summary>症状及体征 of the follow-up form (codes 0–10; the first-visit form lacks 关节疼痛, so its codes shift).</summary>
    public static IReadOnlyList<(string Key, string Name)> Symptoms { get; } =
    [
        ("cough", "咳嗽咳痰"), ("fever", "低热盗汗"), ("haemoptysis", "咯血或血痰"), ("chest", "胸痛消瘦"), ("nausea", "恶心纳差"), ("joints", "关节疼痛"),
        ("headache", "头痛失眠"), ("vision", "视物模糊"), ("skin", "皮肤瘙痒、皮疹"), ("hearing", "耳鸣、听力下降"),
    ];

    public static string SupervisorName(TbSupervisor s) => s switch
    {
        TbSupervisor.Doctor => "医生",
        TbSupervisor.Family => "家属",
        TbSupervisor.Self => "自服药",
        _ => "其他",
    };

    public static string StopReasonName(TbStopReason r) => r switch
    {
        TbStopReason.Completed => "完成疗程",
        TbStopReason.Died => "死亡",
        TbStopReason.Lost => "丢失",
        _ => "转入耐多药治疗",
    };

    public static string PatientTypeName(int type) => type == 2 ? "复治" : "初治";

    public static string SputumName(int sputum) => sputum switch { 1 => "痰菌阳性", 2 => "痰菌阴性", _ => "未查痰" };
}
