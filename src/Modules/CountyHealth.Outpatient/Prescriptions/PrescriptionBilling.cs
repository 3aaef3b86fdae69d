using CountyHealth.Billing.Contracts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Events;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.Outpatient.Domain;
using CountyHealth.Pharmacy.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Outpatient.Prescriptions;

/// <summary>
/// What happens to the clinic's records when Billing and the pharmacy act on them, inside their transactions: payment
/// releases a prescription to the pharmacy and marks paid orders; a refund withdraws undispensed drugs; dispensing and
/// returns are mirrored on the items; and a dispensed drug cannot be refunded until it is back in the pharmacy.
/// </summary>
internal sealed class PrescriptionBilling(CountyHealthDb db, IDispensingQueue queue)
    : IDomainEventHandler<ChargesPaid>, IDomainEventHandler<ChargesRefunded>, IDomainEventHandler<ItemsDispensed>, IDomainEventHandler<DispensedItemsReturned>, IRefundCheck
{
    public const string DispensedObjection = "已发药，须先到药房退药才能退费";

    public async Task HandleAsync(ChargesPaid e, CancellationToken ct)
    {
        await MarkOrdersAsync(Items(e.Items, OutpatientKinds.Order), ItemStatus.Paid, ct);
        var paid = Items(e.Items, OutpatientKinds.Prescription);
        if (paid.Count == 0)
        {
            return;
        }
        var groups = e.Items.Where(i => i.Kind == OutpatientKinds.Prescription).Select(i => i.GroupId).Distinct().ToList();
        foreach (var p in await db.Set<Prescription>().Include(p => p.Items).Where(p => groups.Contains(p.Id)).ToListAsync(ct))
        {
            var items = p.Items.Where(i => paid.Contains(i.Id)).ToList();
            foreach (var i in items)
            {
                i.Status = ItemStatus.Paid;
            }
            p.Status = PrescriptionStatus.Paid;
            p.Version++;
            await queue.EnqueueAsync(new DispenseRequest(OutpatientKinds.Prescription, p.Id, p.Number, p.ResidentId, p.InstitutionId, p.PrescriberName,
                items.Select(i => new DispenseLineRequest(i.Id, i.DrugId, i.Quantity, i.Usage)).ToList()), ct);
        }
    }

    public async Task HandleAsync(ChargesRefunded e, CancellationToken ct)
    {
        await MarkOrdersAsync(Items(e.Items, OutpatientKinds.Order), ItemStatus.Refunded, ct);
        var refunded = Items(e.Items, OutpatientKinds.Prescription);
        if (refunded.Count > 0)
        {
            await queue.CancelLinesAsync(refunded, ct);
            var groups = e.Items.Where(i => i.Kind == OutpatientKinds.Prescription).Select(i => i.GroupId).Distinct().ToList();
            await MarkItemsAsync(groups, refunded, ItemStatus.Refunded, ct);
        }
    }

    public Task HandleAsync(ItemsDispensed e, CancellationToken ct) =>
        e.SourceKind == OutpatientKinds.Prescription ? MarkItemsAsync([e.SourceId], e.SourceItemIds, ItemStatus.Dispensed, ct) : Task.CompletedTask;

    public Task HandleAsync(DispensedItemsReturned e, CancellationToken ct) =>
        e.SourceKind == OutpatientKinds.Prescription ? MarkItemsAsync([e.SourceId], e.SourceItemIds, ItemStatus.Returned, ct) : Task.CompletedTask;

    public async Task<IReadOnlyList<RefundObjection>> ObjectionsAsync(IReadOnlyList<BilledItem> items, CancellationToken ct)
    {
        var ids = Items(items, OutpatientKinds.Prescription);
        if (ids.Count == 0)
        {
            return [];
        }
        var dispensed = await db.Set<PrescriptionItem>().AsNoTracking().Where(i => ids.Contains(i.Id) && i.Status == ItemStatus.Dispensed).Select(i => i.Id).ToListAsync(ct);
        return dispensed.Select(id => new RefundObjection(id, DispensedObjection)).ToList();
    }

    private static List<Guid> Items(IEnumerable<BilledItem> items, string kind) => items.Where(i => i.Kind == kind).Select(i => i.SourceId).ToList();

    private async Task MarkOrdersAsync(List<Guid> orderIds, ItemStatus status, CancellationToken ct)
    {
        // Most payments hold no exam or lab order: no query for them (a round trip, and a scan on SQLite's "WHERE 0").
        if (orderIds.Count == 0)
        {
            return;
        }
        foreach (var o in await db.Set<VisitOrder>().Where(o => orderIds.Contains(o.Id)).ToListAsync(ct))
        {
            o.Status = status;
        }
    }

    private async Task MarkItemsAsync(IReadOnlyCollection<Guid> prescriptionIds, IReadOnlyCollection<Guid> itemIds, ItemStatus status, CancellationToken ct)
    {
        // The prescriptions by key, their items with them: one indexed query.
        foreach (var p in await db.Set<Prescription>().Include(p => p.Items).Where(p => prescriptionIds.Contains(p.Id)).ToListAsync(ct))
        {
            p.Mark(itemIds, status);
        }
    }
}
