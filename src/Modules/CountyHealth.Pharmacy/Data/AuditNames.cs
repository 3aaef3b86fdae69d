using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Pharmacy.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Pharmacy.Data;

/// <summary>The pharmacy in the audit log: a dispensing order by the number of the document it hands out (a prescription number).</summary>
internal sealed class PharmacyAuditedRecords(CountyHealthDb db) : AuditedRecords
{
    public override IReadOnlyList<AuditedType> Types { get; } =
    [
        AuditedType.Of<DispenseOrder>("发药单",
            (nameof(DispenseOrder.InstitutionId), "机构"),
            (nameof(DispenseOrder.SourceKind), "来源类别"),
            (nameof(DispenseOrder.SourceId), "来源单据"),
            (nameof(DispenseOrder.SourceNumber), "处方号"),
            (nameof(DispenseOrder.ResidentId), "居民"),
            (nameof(DispenseOrder.OrderedBy), "开方人"),
            (nameof(DispenseOrder.Status), "发药状态"),
            (nameof(DispenseOrder.QueuedAt), "收方时间"),
            (nameof(DispenseOrder.DispensedAt), "发药时间"),
            (nameof(DispenseOrder.DispensedBy), "发药人"),
            (nameof(DispenseOrder.CheckedBy), "核对人"),
            (nameof(DispenseOrder.Version), "")),
    ];

    public override async Task LabelAsync(AuditLabels labels, CancellationToken ct)
    {
        var ids = labels.IdsOf(nameof(DispenseOrder));
        if (ids.Count == 0)
        {
            return;
        }
        var orders = await db.Set<DispenseOrder>().AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.SourceNumber }).ToListAsync(ct);
        foreach (var o in orders)
        {
            labels.Set(nameof(DispenseOrder), o.Id, o.SourceNumber);
        }
    }
}
