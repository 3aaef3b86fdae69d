using CountyHealth.Kernel.Auditing;

namespace CountyHealth.PublicHealth.Domain;

/// <summary>The chronic-disease programmes of the national service specification: hypertension and type 2 diabetes.</summary>
public enum Programme
{
    Hypertension = 1,
    Diabetes = 2,
}

/// <summary>随访方式.</summary>
public enum FollowUpMode
{
    Clinic = 1,
    Home = 2,
    Phone = 3,
}

/// <summary>服药依从性: 规律, 间断, 不服药.</summary>
public enum Adherence
{
    Regular = 1,
    Intermittent = 2,
    None = 3,
}

/// <summary>此次随访分类 (the most severe present).</summary>
public enum FollowUpClass
{
    Controlled = 1,
    NotControlled = 2,
    AdverseReaction = 3,
    Complication = 4,
}

/// <summary>What the classification asks for next.</summary>
public enum Referral
{
    None = 0,
    Referral = 1,
    Urgent = 2,
}

/// <summary>Where a patient's management stands: managed, or ended (died, moved away, diagnosis withdrawn).</summary>
public enum EnrolmentStatus
{
    Active = 1,
    Ended = 2,
}

/// <summary>
/// A resident in a chronic-disease programme (纳入管理), kept by the institution that manages her (her home village's
/// clinic, or the centre): when she was enrolled and from which visit, the last follow-up's class and when the next is due.
/// </summary>
internal sealed class ChronicEnrolment : IPersonalHealthData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResidentId { get; set; }
    public Guid InstitutionId { get; set; }
    public Programme Programme { get; set; }
    public DateOnly EnrolledOn { get; set; }
    public string DiagnosisCode { get; set; } = "";
    public Guid? SourceVisitId { get; set; }
    public string EnrolledBy { get; set; } = "";
    public EnrolmentStatus Status { get; set; } = EnrolmentStatus.Active;
    public DateOnly? EndedOn { get; set; }
    public string? EndReason { get; set; }
    public DateOnly NextDueOn { get; set; }
    public FollowUpClass? LastClass { get; set; }
    public DateOnly? LastFollowUpOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;
}

/// <summary>A face-to-face (or phone) follow-up on the national form (高血压/2型糖尿病患者随访服务记录表).</summary>
internal sealed class ChronicFollowUp : IPersonalHealthData, IProgrammeService
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EnrolmentId { get; set; }
    public Guid ResidentId { get; set; }
    public Guid InstitutionId { get; set; }
    public Programme Programme { get; set; }
    public DateOnly Date { get; set; }
    public FollowUpMode Mode { get; set; }
    /// <summary>The form's symptom codes, comma-separated ("1" 无症状).</summary>
    public string Symptoms { get; set; } = "";
    public string? OtherSymptoms { get; set; }
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
    public Adherence Adherence { get; set; }
    public string? AdverseReaction { get; set; }
    public string? Complication { get; set; }
    public FollowUpClass Class { get; set; }
    /// <summary>The visit's blood pressure (hypertension) or fasting glucose (diabetes) at target: what the control rates count.</summary>
    public bool AtTarget { get; set; }
    public Referral Referral { get; set; }
    public string? ReferralReason { get; set; }
    public DateOnly NextDueOn { get; set; }
    public string Advice { get; set; } = "";
    public Guid? SourceVisitId { get; set; }
    public string DoctorName { get; set; } = "";
    public DateTime RecordedAt { get; set; }

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;
}
