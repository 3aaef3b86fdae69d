using CountyHealth.Billing.Domain;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Billing.Data;

/// <summary>Billing in the audit log: payments and their refunds by receipt number, charges by what they bill.</summary>
internal sealed class BillingAuditedRecords(CountyHealthDb db) : AuditedRecords
{
    public override IReadOnlyList<AuditedType> Types { get; } =
    [
        AuditedType.Of<Charge>("收费项目",
            (nameof(Charge.VisitId), "就诊"),
            (nameof(Charge.ResidentId), "居民"),
            (nameof(Charge.InstitutionId), "机构"),
            (nameof(Charge.DepartmentId), "科室"),
            (nameof(Charge.Kind), "收费类别"),
            (nameof(Charge.Category), "收入类别"),
            (nameof(Charge.GroupId), "收费单"),
            (nameof(Charge.SourceId), "来源单据"),
            (nameof(Charge.ItemCode), "项目编码"),
            (nameof(Charge.Description), "项目"),
            (nameof(Charge.Unit), "单位"),
            (nameof(Charge.Quantity), "数量"),
            (nameof(Charge.UnitPrice), "单价"),
            (nameof(Charge.Amount), "金额"),
            (nameof(Charge.Status), "收费状态"),
            (nameof(Charge.PaymentId), "收费"),
            (nameof(Charge.RefundId), "退费"),
            (nameof(Charge.InsuranceClass), "医保类别"),
            (nameof(Charge.InsuranceSettlementId), "医保结算"),
            (nameof(Charge.CreatedAt), "计费时间"),
            (nameof(Charge.Version), "")),
        AuditedType.Of<Payment>("收费",
            (nameof(Payment.RequestId), "请求编号"),
            (nameof(Payment.ReceiptNumber), "收据号"),
            (nameof(Payment.VisitId), "就诊"),
            (nameof(Payment.ResidentId), "居民"),
            (nameof(Payment.InstitutionId), "机构"),
            (nameof(Payment.Amount), "金额"),
            (nameof(Payment.FundAmount), "医保统筹支付"),
            (nameof(Payment.InsuranceSettlementId), "医保结算"),
            (nameof(Payment.Method), "支付方式"),
            (nameof(Payment.Tendered), "实收"),
            (nameof(Payment.Change), "找零"),
            (nameof(Payment.CashierUserName), "收费员"),
            (nameof(Payment.CashierName), "收费员"),
            (nameof(Payment.PaidAt), "收费时间")),
        AuditedType.Of<Refund>("退费",
            (nameof(Refund.RequestId), "请求编号"),
            (nameof(Refund.PaymentId), "原收费"),
            (nameof(Refund.VisitId), "就诊"),
            (nameof(Refund.ResidentId), "居民"),
            (nameof(Refund.InstitutionId), "机构"),
            (nameof(Refund.Amount), "金额"),
            (nameof(Refund.FundAmount), "退回医保统筹"),
            (nameof(Refund.Method), "退款方式"),
            (nameof(Refund.Reason), "退费原因"),
            (nameof(Refund.CashierUserName), "收费员"),
            (nameof(Refund.CashierName), "收费员"),
            (nameof(Refund.RefundedAt), "退费时间")),
        AuditedType.Of<InsuranceEnrolment>("参保登记",
            (nameof(InsuranceEnrolment.ResidentId), "居民"),
            (nameof(InsuranceEnrolment.SchemeId), "险种"),
            (nameof(InsuranceEnrolment.Year), "参保年度"),
            (nameof(InsuranceEnrolment.InstitutionId), "机构"),
            (nameof(InsuranceEnrolment.Contribution), "个人缴费"),
            (nameof(InsuranceEnrolment.EnrolledAt), "登记时间"),
            (nameof(InsuranceEnrolment.RecordedBy), "登记人")),
        AuditedType.Of<InsuranceYearUse>("医保年度累计",
            (nameof(InsuranceYearUse.ResidentId), "居民"),
            (nameof(InsuranceYearUse.Year), "年度"),
            (nameof(InsuranceYearUse.OutpatientDeductibleMet), "门诊起付线累计"),
            (nameof(InsuranceYearUse.FundPaid), "统筹基金累计支付"),
            (nameof(InsuranceYearUse.Settlements), "结算次数"),
            (nameof(InsuranceYearUse.Version), "")),
        AuditedType.Of<InsuranceSettlement>("医保结算",
            (nameof(InsuranceSettlement.RequestId), "请求编号"),
            (nameof(InsuranceSettlement.Number), "结算号"),
            (nameof(InsuranceSettlement.VisitId), "就诊"),
            (nameof(InsuranceSettlement.ResidentId), "居民"),
            (nameof(InsuranceSettlement.InstitutionId), "机构"),
            (nameof(InsuranceSettlement.SchemeId), "险种"),
            (nameof(InsuranceSettlement.PolicyId), "补偿方案"),
            (nameof(InsuranceSettlement.EnrolmentId), "参保登记"),
            (nameof(InsuranceSettlement.HomeInstitutionId), "参保人所属机构"),
            (nameof(InsuranceSettlement.Year), "年度"),
            (nameof(InsuranceSettlement.Setting), "门诊/住院"),
            (nameof(InsuranceSettlement.Level), "机构级别"),
            (nameof(InsuranceSettlement.TcmInstitution), "中医医疗机构"),
            (nameof(InsuranceSettlement.Age), "年龄"),
            (nameof(InsuranceSettlement.DeductibleMetBefore), "结算前门诊起付线累计"),
            (nameof(InsuranceSettlement.FundPaidBefore), "结算前统筹累计支付"),
            (nameof(InsuranceSettlement.Total), "医疗费用总额"),
            (nameof(InsuranceSettlement.Excluded), "自费"),
            (nameof(InsuranceSettlement.ClassBSelfPaid), "乙类先行自付"),
            (nameof(InsuranceSettlement.Eligible), "政策范围内费用"),
            (nameof(InsuranceSettlement.DeductibleApplied), "起付线"),
            (nameof(InsuranceSettlement.Ratio), "报销比例"),
            (nameof(InsuranceSettlement.FundPays), "统筹基金支付"),
            (nameof(InsuranceSettlement.PersonPays), "个人支付"),
            (nameof(InsuranceSettlement.Steps), "计算步骤"),
            (nameof(InsuranceSettlement.Status), "结算状态"),
            (nameof(InsuranceSettlement.PaymentId), "收费"),
            (nameof(InsuranceSettlement.SettledBy), "结算人"),
            (nameof(InsuranceSettlement.SettledByName), "结算人"),
            (nameof(InsuranceSettlement.SettledAt), "结算时间"),
            (nameof(InsuranceSettlement.ReversedAt), "撤销时间"),
            (nameof(InsuranceSettlement.ReversedBy), "撤销人"),
            (nameof(InsuranceSettlement.ReversalReason), "撤销原因"),
            (nameof(InsuranceSettlement.Version), "")),
    ];

    public override async Task LabelAsync(AuditLabels labels, CancellationToken ct)
    {
        var paymentIds = labels.IdsOf(nameof(Payment));
        if (paymentIds.Count > 0)
        {
            var payments = await db.Set<Payment>().AsNoTracking().Where(p => paymentIds.Contains(p.Id)).Select(p => new { p.Id, p.ReceiptNumber }).ToListAsync(ct);
            foreach (var p in payments)
            {
                labels.Set(nameof(Payment), p.Id, p.ReceiptNumber);
            }
        }
        var refundIds = labels.IdsOf(nameof(Refund));
        if (refundIds.Count > 0)
        {
            // A refund is known by the receipt it gives money back on.
            var refunds = await db.Set<Refund>().AsNoTracking().Where(r => refundIds.Contains(r.Id))
                .Join(db.Set<Payment>(), r => r.PaymentId, p => p.Id, (r, p) => new { r.Id, p.ReceiptNumber }).ToListAsync(ct);
            foreach (var r in refunds)
            {
                labels.Set(nameof(Refund), r.Id, r.ReceiptNumber);
            }
        }
        var settlementIds = labels.IdsOf(nameof(InsuranceSettlement));
        if (settlementIds.Count > 0)
        {
            var settlements = await db.Set<InsuranceSettlement>().AsNoTracking().Where(s => settlementIds.Contains(s.Id)).Select(s => new { s.Id, s.Number }).ToListAsync(ct);
            foreach (var s in settlements)
            {
                labels.Set(nameof(InsuranceSettlement), s.Id, s.Number);
            }
        }
        var enrolmentIds = labels.IdsOf(nameof(InsuranceEnrolment));
        if (enrolmentIds.Count > 0)
        {
            var enrolments = await db.Set<InsuranceEnrolment>().AsNoTracking().Where(e => enrolmentIds.Contains(e.Id)).Select(e => new { e.Id, e.Year }).ToListAsync(ct);
            foreach (var e in enrolments)
            {
                labels.Set(nameof(InsuranceEnrolment), e.Id, $"{e.Year}年度");
            }
        }
        var chargeIds = labels.IdsOf(nameof(Charge));
        if (chargeIds.Count > 0)
        {
            var charges = await db.Set<Charge>().AsNoTracking().Where(c => chargeIds.Contains(c.Id)).Select(c => new { c.Id, c.Description }).ToListAsync(ct);
            foreach (var c in charges)
            {
                labels.Set(nameof(Charge), c.Id, c.Description);
            }
        }
    }

    /// <summary>A payment by its receipt number, with the refunds made on it; a settlement by its number.</summary>
    public override async Task<IReadOnlyList<AuditedRecord>> FindDocumentsAsync(IReadOnlyCollection<string> numbers, CancellationToken ct)
    {
        var settlements = await db.Set<InsuranceSettlement>().AsNoTracking().Where(s => numbers.Contains(s.Number))
            .Select(s => new AuditedRecord(nameof(InsuranceSettlement), s.Id, s.ResidentId)).ToListAsync(ct);
        var payments = await db.Set<Payment>().AsNoTracking().Where(p => numbers.Contains(p.ReceiptNumber))
            .Select(p => new AuditedRecord(nameof(Payment), p.Id, p.ResidentId)).ToListAsync(ct);
        if (payments.Count == 0)
        {
            return settlements;
        }
        var paymentIds = payments.Select(p => p.Id).ToList();
        var refunds = await db.Set<Refund>().AsNoTracking().Where(r => paymentIds.Contains(r.PaymentId))
            .Select(r => new AuditedRecord(nameof(Refund), r.Id, r.ResidentId)).ToListAsync(ct);
        return [.. settlements, .. payments, .. refunds];
    }
}
