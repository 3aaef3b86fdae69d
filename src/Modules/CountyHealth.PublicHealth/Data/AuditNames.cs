using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.PublicHealth.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.PublicHealth.Data;

/// <summary>The chronic-disease programmes in the audit log: an enrolment by its programme, a follow-up by its date.</summary>
internal sealed class PublicHealthAuditedRecords(CountyHealthDb db) : AuditedRecords
{
    public override IReadOnlyList<AuditedType> Types { get; } =
    [
        AuditedType.Of<ChronicEnrolment>("慢病管理",
            (nameof(ChronicEnrolment.ResidentId), "居民"),
            (nameof(ChronicEnrolment.InstitutionId), "管理机构"),
            (nameof(ChronicEnrolment.Programme), "管理项目"),
            (nameof(ChronicEnrolment.EnrolledOn), "纳入管理日期"),
            (nameof(ChronicEnrolment.DiagnosisCode), "诊断编码"),
            (nameof(ChronicEnrolment.SourceVisitId), "就诊"),
            (nameof(ChronicEnrolment.EnrolledBy), "纳入人"),
            (nameof(ChronicEnrolment.Status), "管理状态"),
            (nameof(ChronicEnrolment.EndedOn), "结案日期"),
            (nameof(ChronicEnrolment.EndReason), "结案原因"),
            (nameof(ChronicEnrolment.NextDueOn), "下次随访日期"),
            (nameof(ChronicEnrolment.LastClass), "最近随访分类"),
            (nameof(ChronicEnrolment.LastFollowUpOn), "最近随访日期"),
            (nameof(ChronicEnrolment.CreatedAt), "创建时间"),
            (nameof(ChronicEnrolment.Version), "")),
        AuditedType.Of<ChronicFollowUp>("慢病随访",
            (nameof(ChronicFollowUp.EnrolmentId), "慢病管理"),
            (nameof(ChronicFollowUp.ResidentId), "居民"),
            (nameof(ChronicFollowUp.InstitutionId), "机构"),
            (nameof(ChronicFollowUp.Programme), "管理项目"),
            (nameof(ChronicFollowUp.Date), "随访日期"),
            (nameof(ChronicFollowUp.Mode), "随访方式"),
            (nameof(ChronicFollowUp.Symptoms), "症状"),
            (nameof(ChronicFollowUp.OtherSymptoms), "其他症状"),
            (nameof(ChronicFollowUp.SystolicBp), "收缩压"),
            (nameof(ChronicFollowUp.DiastolicBp), "舒张压"),
            (nameof(ChronicFollowUp.HeartRate), "心率"),
            (nameof(ChronicFollowUp.WeightKg), "体重"),
            (nameof(ChronicFollowUp.TargetWeightKg), "目标体重"),
            (nameof(ChronicFollowUp.FastingGlucose), "空腹血糖"),
            (nameof(ChronicFollowUp.CigarettesPerDay), "日吸烟量"),
            (nameof(ChronicFollowUp.SpiritsLiangPerDay), "日饮酒量"),
            (nameof(ChronicFollowUp.ExerciseTimesPerWeek), "运动次数"),
            (nameof(ChronicFollowUp.ExerciseMinutes), "每次运动时间"),
            (nameof(ChronicFollowUp.Adherence), "服药依从性"),
            (nameof(ChronicFollowUp.AdverseReaction), "药物不良反应"),
            (nameof(ChronicFollowUp.Complication), "并发症"),
            (nameof(ChronicFollowUp.Class), "随访分类"),
            (nameof(ChronicFollowUp.AtTarget), "血压/血糖达标"),
            (nameof(ChronicFollowUp.Referral), "转诊"),
            (nameof(ChronicFollowUp.ReferralReason), "转诊原因"),
            (nameof(ChronicFollowUp.NextDueOn), "下次随访日期"),
            (nameof(ChronicFollowUp.Advice), "处理意见"),
            (nameof(ChronicFollowUp.SourceVisitId), "就诊"),
            (nameof(ChronicFollowUp.DoctorName), "随访医生"),
            (nameof(ChronicFollowUp.RecordedAt), "记录时间")),
    ];

    public override async Task LabelAsync(AuditLabels labels, CancellationToken ct)
    {
        var enrolments = labels.IdsOf(nameof(ChronicEnrolment));
        if (enrolments.Count > 0)
        {
            foreach (var e in await db.Set<ChronicEnrolment>().AsNoTracking().Where(e => enrolments.Contains(e.Id)).Select(e => new { e.Id, e.Programme, e.EnrolledOn }).ToListAsync(ct))
            {
                labels.Set(nameof(ChronicEnrolment), e.Id, $"{ChronicRules.NameOf(e.Programme)}患者管理（{e.EnrolledOn:yyyy-MM-dd}纳入）");
            }
        }
        var followUps = labels.IdsOf(nameof(ChronicFollowUp));
        if (followUps.Count > 0)
        {
            foreach (var f in await db.Set<ChronicFollowUp>().AsNoTracking().Where(f => followUps.Contains(f.Id)).Select(f => new { f.Id, f.Programme, f.Date }).ToListAsync(ct))
            {
                labels.Set(nameof(ChronicFollowUp), f.Id, $"{ChronicRules.NameOf(f.Programme)}随访 {f.Date:yyyy-MM-dd}");
            }
        }
    }

    public override Task<IReadOnlyList<AuditedRecord>> FindDocumentsAsync(IReadOnlyCollection<string> numbers, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<AuditedRecord>>([]);
}
