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
            (nameof(Charge.CreatedAt), "计费时间"),
            (nameof(Charge.Version), "")),
        AuditedType.Of<Payment>("收费",
            (nameof(Payment.RequestId), "请求编号"),
            (nameof(Payment.ReceiptNumber), "收据号"),
            (nameof(Payment.VisitId), "就诊"),
            (nameof(Payment.ResidentId), "居民"),
            (nameof(Payment.InstitutionId), "机构"),
            (nameof(Payment.Amount), "金额"),
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
            (nameof(Refund.Method), "退款方式"),
            (nameof(Refund.Reason), "退费原因"),
            (nameof(Refund.CashierUserName), "收费员"),
            (nameof(Refund.CashierName), "收费员"),
            (nameof(Refund.RefundedAt), "退费时间")),
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

    /// <summary>A payment by its receipt number, with the refunds made on it.</summary>
    public override async Task<IReadOnlyList<AuditedRecord>> FindDocumentsAsync(IReadOnlyCollection<string> numbers, CancellationToken ct)
    {
        var payments = await db.Set<Payment>().AsNoTracking().Where(p => numbers.Contains(p.ReceiptNumber))
            .Select(p => new AuditedRecord(nameof(Payment), p.Id, p.ResidentId)).ToListAsync(ct);
        if (payments.Count == 0)
        {
            return [];
        }
        var paymentIds = payments.Select(p => p.Id).ToList();
        var refunds = await db.Set<Refund>().AsNoTracking().Where(r => paymentIds.Contains(r.PaymentId))
            .Select(r => new AuditedRecord(nameof(Refund), r.Id, r.ResidentId)).ToListAsync(ct);
        return [.. payments, .. refunds];
    }
}
