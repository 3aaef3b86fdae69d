using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Surveillance.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Surveillance.Data;

/// <summary>Report cards in the audit log, by their card numbers; their history steps are told in the card's row.</summary>
internal sealed class SurveillanceAuditedRecords(CountyHealthDb db) : AuditedRecords
{
    public override IReadOnlyList<AuditedType> Types { get; } =
    [
        AuditedType.Of<ReportCard>("传染病报告卡",
            (nameof(ReportCard.CardNumber), "卡片编号"),
            (nameof(ReportCard.Kind), "报卡类别"),
            (nameof(ReportCard.CorrectsCardId), "订正的报告卡"),
            (nameof(ReportCard.CorrectedByCardId), "订正卡"),
            (nameof(ReportCard.ResidentId), "居民"),
            (nameof(ReportCard.InstitutionId), "报告单位"),
            (nameof(ReportCard.VisitId), "就诊"),
            (nameof(ReportCard.DiseaseCode), "病种编码"),
            (nameof(ReportCard.DiseaseName), "病种"),
            (nameof(ReportCard.DiseaseClass), "传染病类别"),
            (nameof(ReportCard.AsClassA), "按甲类管理"),
            (nameof(ReportCard.DiagnosisCode), "诊断编码"),
            (nameof(ReportCard.DiagnosisName), "诊断"),
            (nameof(ReportCard.PatientName), "姓名"),
            (nameof(ReportCard.ParentName), "患儿家长姓名"),
            (nameof(ReportCard.IdNumber), "有效证件号"),
            (nameof(ReportCard.Sex), "性别"),
            (nameof(ReportCard.BirthDate), "出生日期"),
            (nameof(ReportCard.Workplace), "工作单位（学校）"),
            (nameof(ReportCard.Phone), "联系电话"),
            (nameof(ReportCard.ResidenceCategory), "病人属于"),
            (nameof(ReportCard.Address), "现住址"),
            (nameof(ReportCard.Occupation), "人群分类"),
            (nameof(ReportCard.Classification), "病例分类"),
            (nameof(ReportCard.AcuteOrChronic), "急性/慢性"),
            (nameof(ReportCard.OnsetDate), "发病日期"),
            (nameof(ReportCard.DiagnosedAt), "诊断时间"),
            (nameof(ReportCard.DeathDate), "死亡日期"),
            (nameof(ReportCard.DoctorStaffId), "报告医生"),
            (nameof(ReportCard.DoctorName), "报告医生"),
            (nameof(ReportCard.Notes), "备注"),
            (nameof(ReportCard.Status), "状态"),
            (nameof(ReportCard.CreatedAt), "创建时间"),
            (nameof(ReportCard.DueAt), "报告时限"),
            (nameof(ReportCard.FirstSubmittedAt), "首次报告时间"),
            (nameof(ReportCard.SubmittedAt), "报告时间"),
            (nameof(ReportCard.SubmittedBy), "报告人"),
            (nameof(ReportCard.ReviewedAt), "审核时间"),
            (nameof(ReportCard.ReviewedBy), "审核人"),
            (nameof(ReportCard.ReturnReason), "退卡原因"),
            (nameof(ReportCard.WithdrawReason), "删除原因"),
            (nameof(ReportCard.Version), "")),
        AuditedType.Of<ReportCardEntry>("报告卡记录"),
    ];

    public override async Task LabelAsync(AuditLabels labels, CancellationToken ct)
    {
        var ids = labels.IdsOf(nameof(ReportCard)).Concat(labels.IdsOf(nameof(ReportCardEntry))).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }
        var cards = await db.Set<ReportCard>().AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.CardNumber, c.DiseaseName }).ToListAsync(ct);
        foreach (var c in cards)
        {
            labels.Set(nameof(ReportCard), c.Id, $"{c.CardNumber} {c.DiseaseName}");
            labels.Set(nameof(ReportCardEntry), c.Id, c.CardNumber);
        }
    }

    public override async Task<IReadOnlyList<AuditedRecord>> FindDocumentsAsync(IReadOnlyCollection<string> numbers, CancellationToken ct) =>
        await db.Set<ReportCard>().AsNoTracking().Where(c => numbers.Contains(c.CardNumber))
            .Select(c => new AuditedRecord(nameof(ReportCard), c.Id, c.ResidentId)).ToListAsync(ct);
}
