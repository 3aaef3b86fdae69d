using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Reference;

namespace CountyHealth.PublicHealth.Domain;

/// <summary>The six severe mental disorders of the programme.</summary>
public enum MentalDisorder
{
    Schizophrenia = 1,
    Schizoaffective = 2,
    ParanoidPsychosis = 3,
    Bipolar = 4,
    EpilepsyRelated = 5,
    IntellectualDisability = 6,
}

/// <summary>本次随访分类 of the mental-disorder form: 1 不稳定, 2 基本稳定, 3 稳定 — the reverse of the chronic forms' direction.</summary>
public enum MentalClass
{
    Unstable = 1,
    BasicallyStable = 2,
    Stable = 3,
}

/// <summary>自知力: 1 完全, 2 不全, 3 缺失.</summary>
public enum Insight
{
    Full = 1,
    Partial = 2,
    Lost = 3,
}

/// <summary>
/// A resident registered in the severe-mental-disorder programme (登记在册): the diagnosis and where it was made, the
/// guardian, consent to management, and where her follow-ups stand (last risk grade and class, the next date).
/// </summary>
internal sealed class MentalPatient : IPersonalHealthData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResidentId { get; set; }
    public Guid InstitutionId { get; set; }
    public MentalDisorder Disorder { get; set; }
    public string DiagnosedAt { get; set; } = "";
    public DateOnly DiagnosedOn { get; set; }
    public string GuardianName { get; set; } = "";
    public string? GuardianPhone { get; set; }
    public bool Consent { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public string RegisteredBy { get; set; } = "";
    public EnrolmentStatus Status { get; set; } = EnrolmentStatus.Active;
    public DateOnly? EndedOn { get; set; }
    public string? EndReason { get; set; }
    public int? LastRisk { get; set; }
    public MentalClass? LastClass { get; set; }
    public DateOnly? LastFollowUpOn { get; set; }
    public DateOnly NextDueOn { get; set; }
    public int Version { get; set; }

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;
}

/// <summary>A follow-up on the national form: risk grade, symptoms, insight, social function, adherence, the class and what follows.</summary>
internal sealed class MentalFollowUp : IPersonalHealthData, IProgrammeService
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PatientId { get; set; }
    public Guid ResidentId { get; set; }
    public Guid InstitutionId { get; set; }
    public DateOnly Date { get; set; }
    public FollowUpMode Mode { get; set; }
    public int RiskGrade { get; set; }
    public bool MarkedSymptoms { get; set; }
    public Insight Insight { get; set; }
    public bool PoorSocialFunction { get; set; }
    public bool AcuteReaction { get; set; }
    public bool SeriousPhysicalIllness { get; set; }
    public Adherence Adherence { get; set; }
    public MentalClass Class { get; set; }
    public bool Referral { get; set; }
    public DateOnly NextDueOn { get; set; }
    public string Advice { get; set; } = "";
    public string DoctorName { get; set; } = "";
    public DateTime RecordedAt { get; set; }

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;
}

/// <summary>
/// The figures the mental-disorder classification reads (Resources/mental-follow-up.tsv, corrected by the administrator
/// as the reference table <c>phs.mental-follow-up</c>).
/// </summary>
public sealed record MentalIntervals(int UnstableRiskGrade, int UnstableReviewDays, int BasicReviewDays, int BasicAgainMonths, int StableMonths)
{
    private static readonly RuleFigure[] Figures =
    [
        new("unstable_risk_grade", "不稳定的危险性级别", 1, 5),
        new("unstable_review_days", "不稳定再随访天数", 1, 90),
        new("basic_review_days", "基本稳定再随访天数", 1, 90),
        new("basic_again_months", "连续基本稳定再随访月数", 1, 12),
        new("stable_months", "稳定随访月数", 1, 12),
    ];

    public static MentalIntervals Parse(string text)
    {
        var f = RuleFigures.Parse(text, Figures);
        return new MentalIntervals(f.Whole("unstable_risk_grade"), f.Whole("unstable_review_days"), f.Whole("basic_review_days"), f.Whole("basic_again_months"), f.Whole("stable_months"));
    }

    public string Describe() =>
        $"危险性 ≥{UnstableRiskGrade} 级等为不稳定（立即转诊，{RuleFigures.Days(UnstableReviewDays)}内随访）；基本稳定 {RuleFigures.Days(BasicReviewDays)}内随访，" +
        $"仍基本稳定 {BasicAgainMonths} 个月内随访；稳定 {StableMonths} 个月内随访。";
}

/// <summary>
/// The programme's classification (../shared/domain/phs-forms-and-schedules.md §5.3): 不稳定 at risk grade 3–5, marked
/// psychotic symptoms, lost insight, an acute drug reaction or a serious physical illness — refer at once, see again
/// within 2 weeks; 基本稳定 at grade 1–2, partial insight or poor social function — 2 weeks, then (still basically
/// stable) 1 month with a psychiatrist's guidance, or (stable again) 3 months; 稳定 otherwise — 3 months.
/// </summary>
public static class MentalRules
{
    /// <summary>At least four follow-ups a year (规范管理 as commonly read).</summary>
    public const int FollowUpsPerYear = 4;

    public sealed record Findings(int RiskGrade, bool MarkedSymptoms, Insight Insight, bool PoorSocialFunction, bool AcuteReaction, bool SeriousPhysicalIllness, MentalClass? Previous);

    public sealed record Outcome(MentalClass Class, bool Referral, DateOnly NextDueOn, string Advice);

    public static Outcome Classify(Findings f, DateOnly day, MentalIntervals t)
    {
        if (f.RiskGrade >= t.UnstableRiskGrade || f.MarkedSymptoms || f.Insight == Insight.Lost || f.AcuteReaction || f.SeriousPhysicalIllness)
        {
            var within = RuleFigures.Days(t.UnstableReviewDays);
            return new Outcome(MentalClass.Unstable, true, day.AddDays(t.UnstableReviewDays),
                f.RiskGrade >= t.UnstableRiskGrade ? $"危险性{f.RiskGrade}级：对症处理后立即转诊，必要时报告公安；未住院者{within}内随访" : $"病情不稳定：对症处理后立即转诊；未住院者{within}内随访");
        }
        if (f.RiskGrade >= 1 || f.Insight == Insight.Partial || f.PoorSocialFunction)
        {
            return f.Previous == MentalClass.BasicallyStable
                ? new Outcome(MentalClass.BasicallyStable, false, day.AddMonths(t.BasicAgainMonths), $"仍基本稳定：请精神专科医师指导治疗，{t.BasicAgainMonths}个月内随访")
                : new Outcome(MentalClass.BasicallyStable, false, day.AddDays(t.BasicReviewDays), $"基本稳定：查找原因，在规定剂量内调整用药或对症处理，{RuleFigures.Days(t.BasicReviewDays)}内随访");
        }
        return new Outcome(MentalClass.Stable, false, day.AddMonths(t.StableMonths), $"病情稳定：继续执行原治疗方案，{t.StableMonths}个月内随访");
    }

    public static string ClassName(MentalClass c) => c switch
    {
        MentalClass.Unstable => "不稳定",
        MentalClass.BasicallyStable => "基本稳定",
        _ => "稳定",
    };

    public static string DisorderName(MentalDisorder d) => d switch
    {
        MentalDisorder.Schizophrenia => "精神分裂症",
        MentalDisorder.Schizoaffective => "分裂情感性障碍",
        MentalDisorder.ParanoidPsychosis => "偏执性精神病",
        MentalDisorder.Bipolar => "双相（情感）障碍",
        MentalDisorder.EpilepsyRelated => "癫痫所致精神障碍",
        _ => "精神发育迟滞伴发精神障碍",
    };
}
