using CountyHealth.Kernel.Data;
using CountyHealth.Pharmacy.Contracts;
using CountyHealth.Pharmacy.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Pharmacy.Dispensing;

/// <summary>Paid documents enter the pharmacy's queue; refunded lines leave it (and the order, once nothing is left).</summary>
internal sealed class DispensingQueue(CountyHealthDb db, TimeProvider clock) : IDispensingQueue
{
    public Task EnqueueAsync(DispenseRequest request, CancellationToken ct = default)
    {
        db.Add(DispenseOrder.For(request, clock.GetUtcNow().UtcDateTime));
        return Task.CompletedTask;
    }

    public async Task CancelLinesAsync(IEnumerable<Guid> sourceItemIds, CancellationToken ct = default)
    {
        var ids = sourceItemIds.ToList();
        var lines = await db.Set<DispenseLine>().Where(l => ids.Contains(l.SourceItemId) && l.Status == DispenseStatus.Waiting).ToListAsync(ct);
        foreach (var l in lines)
        {
            l.Status = DispenseStatus.Cancelled;
        }
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
