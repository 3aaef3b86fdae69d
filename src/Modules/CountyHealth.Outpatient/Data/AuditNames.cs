using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Outpatient.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Outpatient.Data;

/// <summary>The outpatient day in the audit log: visits and prescriptions by their numbers, orders by their items, diagnoses by code.</summary>
internal sealed class OutpatientAuditedRecords(CountyHealthDb db) : AuditedRecords
{
    public override IReadOnlyList<AuditedType> Types { get; } =
    [
        AuditedType.Of<Visit>("就诊",
            (nameof(Visit.VisitNumber), "就诊号"),
            (nameof(Visit.ResidentId), "居民"),
            (nameof(Visit.InstitutionId), "机构"),
            (nameof(Visit.DepartmentId), "科室"),
            (nameof(Visit.DoctorStaffId), "接诊医生"),
            (nameof(Visit.VisitDate), "就诊日期"),
            (nameof(Visit.QueueNumber), "排队号"),
            (nameof(Visit.RegisteredAt), "挂号时间"),
            (nameof(Visit.RegisteredBy), "挂号人"),
            (nameof(Visit.ReopenedAt), "重新接诊时间"),
            (nameof(Visit.ReopenReason), "重新接诊原因"),
            (nameof(Visit.Status), "就诊状态"),
            (nameof(Visit.ChiefComplaint), "主诉"),
            (nameof(Visit.PresentIllness), "现病史"),
            (nameof(Visit.PastHistory), "既往史"),
            (nameof(Visit.Allergies), "过敏史"),
            (nameof(Visit.PhysicalExam), "体格检查"),
            (nameof(Visit.Advice), "医嘱"),
            (nameof(Visit.SystolicBp), "收缩压"),
            (nameof(Visit.DiastolicBp), "舒张压"),
            (nameof(Visit.Temperature), "体温"),
            (nameof(Visit.Pulse), "脉搏"),
            (nameof(Visit.RespiratoryRate), "呼吸"),
            (nameof(Visit.WeightKg), "体重"),
            (nameof(Visit.HeightCm), "身高"),
            (nameof(Visit.FastingGlucose), "空腹血糖"),
            (nameof(Visit.SeenAt), "接诊时间"),
            (nameof(Visit.Version), "")),
        AuditedType.Of<VisitDiagnosis>("诊断"),
        AuditedType.Of<Prescription>("处方",
            (nameof(Prescription.Number), "处方号"),
            (nameof(Prescription.VisitId), "就诊"),
            (nameof(Prescription.ResidentId), "居民"),
            (nameof(Prescription.InstitutionId), "机构"),
            (nameof(Prescription.PrescriberStaffId), "开方医生"),
            (nameof(Prescription.PrescriberName), "开方医生"),
            (nameof(Prescription.Type), "处方类型"),
            (nameof(Prescription.Status), "处方状态"),
            (nameof(Prescription.CreatedAt), "开方时间"),
            (nameof(Prescription.Version), "")),
        AuditedType.Of<VisitOrder>("检查检验及治疗",
            (nameof(VisitOrder.VisitId), "就诊"),
            (nameof(VisitOrder.ResidentId), "居民"),
            (nameof(VisitOrder.ItemCode), "项目编码"),
            (nameof(VisitOrder.Name), "项目名称"),
            (nameof(VisitOrder.Kind), "类别"),
            (nameof(VisitOrder.Quantity), "数量"),
            (nameof(VisitOrder.UnitPrice), "单价"),
            (nameof(VisitOrder.Status), "状态"),
            (nameof(VisitOrder.OrderedAt), "开单时间"),
            (nameof(VisitOrder.OrderedBy), "开单人")),
    ];

    public override async Task LabelAsync(AuditLabels labels, CancellationToken ct)
    {
        // A diagnosis changed without its visit loaded is named by the visit's key.
        var visitIds = labels.IdsOf(nameof(Visit)).Concat(labels.IdsOf(nameof(VisitDiagnosis))).Distinct().ToList();
        if (visitIds.Count > 0)
        {
            var visits = await db.Set<Visit>().AsNoTracking().Where(v => visitIds.Contains(v.Id)).Select(v => new { v.Id, v.VisitNumber }).ToListAsync(ct);
            foreach (var v in visits)
            {
                labels.Set(nameof(Visit), v.Id, v.VisitNumber);
                labels.Set(nameof(VisitDiagnosis), v.Id, v.VisitNumber);
            }
        }
        var prescriptionIds = labels.IdsOf(nameof(Prescription));
        if (prescriptionIds.Count > 0)
        {
            var prescriptions = await db.Set<Prescription>().AsNoTracking().Where(p => prescriptionIds.Contains(p.Id)).Select(p => new { p.Id, p.Number }).ToListAsync(ct);
            foreach (var p in prescriptions)
            {
                labels.Set(nameof(Prescription), p.Id, p.Number);
            }
        }
        var orderIds = labels.IdsOf(nameof(VisitOrder));
        if (orderIds.Count > 0)
        {
            var orders = await db.Set<VisitOrder>().AsNoTracking().Where(o => orderIds.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
            foreach (var o in orders)
            {
                labels.Set(nameof(VisitOrder), o.Id, o.Name);
            }
        }
    }

    public override async Task<IReadOnlyList<AuditedRecord>> FindDocumentsAsync(IReadOnlyCollection<string> numbers, CancellationToken ct)
    {
        var visits = await db.Set<Visit>().AsNoTracking().Where(v => numbers.Contains(v.VisitNumber))
            .Select(v => new AuditedRecord(nameof(Visit), v.Id, v.ResidentId)).ToListAsync(ct);
        var prescriptions = await db.Set<Prescription>().AsNoTracking().Where(p => numbers.Contains(p.Number))
            .Select(p => new AuditedRecord(nameof(Prescription), p.Id, p.ResidentId)).ToListAsync(ct);
        return [.. visits, .. prescriptions];
    }
}
