using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Events;
using CountyHealth.Kernel.Time;
using CountyHealth.Pharmacy.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Pharmacy.Domain;

internal sealed record DispenseOutcome(bool Ok, string? Error, IReadOnlyList<BatchAllocation> Allocations, bool NotFound = false, bool BatchTaken = false);

/// <summary>
/// Hands out a paid prescription from stock, earliest expiry first. Each batch is decremented by a conditional
/// UPDATE (… WHERE on_hand >= n), so two pharmacists racing for the last box cannot both take it, and the order's
/// version token stops the same prescription being dispensed twice.
/// </summary>
internal sealed class Dispensing(CountyHealthDb db, ICurrentUser user, DomainEvents events, TimeProvider clock)
{
    /// <summary>Attempts when a planned batch was emptied by another pharmacist between planning and taking.</summary>
    internal const int Attempts = 3;

    public async Task<DispenseOutcome> DispenseAsync(Guid orderId, CancellationToken ct)
    {
        // Another pharmacist may empty a planned batch between reading and taking it: plan again from fresh stock
        // rather than make the pharmacist refresh, as long as other batches can cover the prescription.
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await TryDispenseAsync(orderId, ct);
            if (!outcome.BatchTaken || attempt == Attempts)
            {
                return outcome;
            }
            db.ChangeTracker.Clear();
        }
    }

    private async Task<DispenseOutcome> TryDispenseAsync(Guid orderId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = await db.Set<DispenseOrder>().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null || order.InstitutionId != user.InstitutionId)
        {
            return new(false, "未找到该发药单", [], NotFound: true);
        }
        if (order.Status != DispenseStatus.Waiting)
        {
            return new(false, order.Status == DispenseStatus.Dispensed ? "该处方已发药" : "该处方已退费或取消，不能发药", []);
        }
        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var lines = order.Lines.Where(l => l.Status == DispenseStatus.Waiting).ToList();
        var drugNames = await db.Set<Drug>().Where(d => lines.Select(l => l.DrugId).Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var plans = new List<(DispenseLine Line, BatchAllocation Allocation)>();
        foreach (var line in lines)
        {
            var batches = await db.Set<StockBatch>().AsNoTracking()
                .Where(b => b.InstitutionId == order.InstitutionId && b.DrugId == line.DrugId && b.QuantityOnHand > 0)
                .Select(b => new BatchStock(b.Id, b.BatchNumber, b.ExpiryDate, b.QuantityOnHand)).ToListAsync(ct);
            var plan = ExpiryFirstAllocation.Allocate(batches, line.Quantity, today);
            if (!plan.IsComplete)
            {
                return new(false, $"{drugNames.GetValueOrDefault(line.DrugId)}库存不足：需{line.Quantity}，可发{line.Quantity - plan.Shortfall}", []);
            }
            plans.AddRange(plan.Allocations.Select(a => (line, a)));
            line.Status = DispenseStatus.Dispensed;
        }
        order.Status = DispenseStatus.Dispensed;
        order.DispensedAt = now;
        order.DispensedBy = user.FullName;
        order.Version++;
        await events.PublishAsync(new PrescriptionDispensed(order.PrescriptionId, lines.Select(l => l.SourceItemId).ToList(), now), ct);
        foreach (var (line, a) in plans)
        {
            db.Add(new StockMovement { BatchId = a.BatchId, Kind = MovementKind.Dispense, Quantity = -a.Quantity, DispenseLineId = line.Id, At = now, By = user.UserName });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(false, "该处方已由其他药师发药", []);
        }
        // Stock last: a batch row stays locked only from its UPDATE to the commit (one round trip), so pharmacists
        // dispensing the same common drug wait on each other as briefly as possible. The movements are already
        // written in this transaction; if a batch was emptied meanwhile, nothing of this dispensing is committed.
        foreach (var (line, a) in plans)
        {
            var taken = await db.Set<StockBatch>()
                .Where(b => b.Id == a.BatchId && b.QuantityOnHand >= a.Quantity)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.QuantityOnHand, b => b.QuantityOnHand - a.Quantity), ct);
            if (taken == 0)
            {
                return new(false, $"{drugNames.GetValueOrDefault(line.DrugId)}库存不足（批号{a.BatchNumber}刚被其他处方发出），请刷新后重试", [], BatchTaken: true);
            }
        }
        var all = plans.Select(p => p.Allocation).ToList();
        await tx.CommitAsync(ct);
        return new(true, null, all);
    }

    /// <summary>Takes dispensed items back into the batches they came from, so their charges can be refunded.</summary>
    public async Task<string?> ReturnAsync(Guid orderId, IReadOnlyCollection<Guid> lineIds, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = await db.Set<DispenseOrder>().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null || order.InstitutionId != user.InstitutionId)
        {
            return "未找到该发药单";
        }
        var lines = order.Lines.Where(l => lineIds.Contains(l.Id)).ToList();
        if (lines.Count == 0 || lines.Any(l => l.Status != DispenseStatus.Dispensed))
        {
            return "只能退回已发出的药品";
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = lines.Select(l => (Guid?)l.Id).ToList();
        var moves = await db.Set<StockMovement>().Where(m => ids.Contains(m.DispenseLineId) && m.Kind == MovementKind.Dispense).ToListAsync(ct);
        foreach (var m in moves)
        {
            await db.Set<StockBatch>().Where(b => b.Id == m.BatchId)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.QuantityOnHand, b => b.QuantityOnHand - m.Quantity), ct);
            db.Add(new StockMovement { BatchId = m.BatchId, Kind = MovementKind.Return, Quantity = -m.Quantity, DispenseLineId = m.DispenseLineId, At = now, By = user.UserName });
        }
        foreach (var l in lines)
        {
            l.Status = DispenseStatus.Returned;
        }
        order.Version++;
        await events.PublishAsync(new DispensedItemsReturned(order.PrescriptionId, lines.Select(l => l.SourceItemId).ToList()), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }
}
