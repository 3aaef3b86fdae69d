using CountyHealth.Kernel.Data;
using CountyHealth.Pharmacy.Contracts;
using CountyHealth.Pharmacy.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Pharmacy.Dispensing;

/// <summary>
/// Paid documents enter the pharmacy's queue holding their stock; refunded lines leave it, giving their stock back
/// (and the order leaves, once nothing is left).
/// </summary>
internal sealed class DispensingQueue(CountyHealthDb db, StockReservations reservations, TimeProvider clock) : IDispensingQueue
{
    public async Task EnqueueAsync(DispenseRequest request, CancellationToken ct = default)
    {
        var order = DispenseOrder.For(request, clock.GetUtcNow().UtcDateTime);
        await reservations.ReserveAsync(order, ct);
        db.Add(order);
    }

    public async Task CancelLinesAsync(IEnumerable<Guid> sourceItemIds, CancellationToken ct = default)
    {
        var ids = sourceItemIds.ToList();
        var lines = await db.Set<DispenseLine>().Where(l => ids.Contains(l.SourceItemId) && l.Status == DispenseStatus.Waiting).ToListAsync(ct);
        foreach (var l in lines)
        {
            l.Status = DispenseStatus.Cancelled;
        }
        await reservations.ReleaseAsync(lines.Select(l => l.Id).ToList(), ct);
        var orderIds = lines.Select(l => l.OrderId).Distinct().ToList();
        if (orderIds.Count == 0)
        {
            return;
        }
        var orders = await db.Set<DispenseOrder>().Include(o => o.Lines).Where(o => orderIds.Contains(o.Id)).ToListAsync(ct);
        foreach (var o in orders.Where(o => o.Status == DispenseStatus.Waiting && o.Lines.All(l => l.Status == DispenseStatus.Cancelled)))
        {
            o.Status = DispenseStatus.Cancelled;
            o.Version++;
        }
    }
}

/// <summary>The latest handed-out order of a document (a returned and re-sent document keeps its last).</summary>
internal sealed class DispensingRecords(CountyHealthDb db) : IDispensingRecords
{
    public async Task<DispensingRecord?> FindAsync(string sourceKind, Guid sourceId, CancellationToken ct = default) =>
        await db.Set<DispenseOrder>().AsNoTracking().Where(o => o.SourceId == sourceId && o.SourceKind == sourceKind && o.DispensedAt != null)
            .OrderByDescending(o => o.DispensedAt).Select(o => new DispensingRecord(o.DispensedBy, o.CheckedBy, o.DispensedAt)).FirstOrDefaultAsync(ct);
}
