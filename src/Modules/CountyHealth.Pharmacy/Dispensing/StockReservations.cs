using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Events;
using CountyHealth.Kernel.Time;
using CountyHealth.Pharmacy.Catalogue;
using CountyHealth.Pharmacy.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Pharmacy.Dispensing;

/// <summary>
/// Reservation (预占) of stock for paid lines: a payment holds the packs it pays for, earliest expiry first, so a patient
/// never pays for a drug the pharmacy cannot hand out and the dispensing desk never shows an order it cannot fill.
/// Each batch is held by a conditional UPDATE (… WHERE on hand − reserved ≥ n): of two payments racing for the last
/// box, one holds it and the other is refused with the drug's name. The holds run as the last step before the caller's
/// commit (<see cref="BeforeCommit"/>), so a batch row is locked for one round trip, not for the whole payment.
/// </summary>
internal sealed class StockReservations(CountyHealthDb db, DrugCache drugs, BeforeCommit beforeCommit, TimeProvider clock)
{
    /// <summary>
    /// Plans the holds for every line of a new order (not yet saved) and takes them before the caller commits; refuses
    /// the caller's unit of work when the unheld stock cannot cover a line.
    /// </summary>
    public async Task ReserveAsync(DispenseOrder order, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var drugIds = order.Lines.Select(l => l.DrugId).Distinct().ToList();
        var batches = await db.Set<StockBatch>().AsNoTracking()
            .Where(b => b.InstitutionId == order.InstitutionId && drugIds.Contains(b.DrugId) && b.ExpiryDate > today && b.QuantityOnHand > b.QuantityReserved)
            .Select(b => new { b.DrugId, Batch = new BatchStock(b.Id, b.BatchNumber, b.ExpiryDate, b.QuantityOnHand - b.QuantityReserved) }).ToListAsync(ct);
        var stock = batches.ToLookup(x => x.DrugId, x => x.Batch);
        var left = batches.ToDictionary(x => x.Batch.BatchId, x => x.Batch.QuantityOnHand);
        var holds = new List<StockReservation>();
        foreach (var line in order.Lines)
        {
            var plan = ExpiryFirstAllocation.Allocate(stock[line.DrugId].Select(b => b with { QuantityOnHand = left[b.BatchId] }), line.Quantity, today);
            if (!plan.IsComplete)
            {
                throw new EventRefusedException(await ShortageAsync(line, line.Quantity - plan.Shortfall, ct));
            }
            foreach (var a in plan.Allocations)
            {
                left[a.BatchId] -= a.Quantity;
                holds.Add(new StockReservation { LineId = line.Id, BatchId = a.BatchId, Quantity = a.Quantity, ReservedAt = now });
            }
        }
        db.AddRange(holds);
        beforeCommit.Add(token => HoldAsync(order, holds, today, token));
    }

    /// <summary>
    /// Takes the planned holds by conditional updates. A batch another payment emptied meanwhile is not a shortage while
    /// other batches have stock: the rest of that hold is planned again over what is left (up to a few times, then
    /// refused), so two cashiers paying for the last box of an old batch both succeed when a newer batch has stock.
    /// </summary>
    private async Task HoldAsync(DispenseOrder order, List<StockReservation> holds, DateOnly today, CancellationToken ct)
    {
        var pending = new Queue<StockReservation>(holds);
        var replans = 0;
        while (pending.TryDequeue(out var h))
        {
            if (await TryHoldAsync(h.BatchId, h.Quantity, ct))
            {
                continue;
            }
            var line = order.Lines.First(l => l.Id == h.LineId);
            if (++replans > 3)
            {
                throw new EventRefusedException(await ShortageAsync(line, null, ct));
            }
            // What is unheld now, by every other batch of the drug (this transaction's own holds already count).
            var batches = await db.Set<StockBatch>().AsNoTracking()
                .Where(b => b.InstitutionId == order.InstitutionId && b.DrugId == line.DrugId && b.Id != h.BatchId && b.ExpiryDate > today && b.QuantityOnHand > b.QuantityReserved)
                .Select(b => new BatchStock(b.Id, b.BatchNumber, b.ExpiryDate, b.QuantityOnHand - b.QuantityReserved)).ToListAsync(ct);
            var plan = ExpiryFirstAllocation.Allocate(batches, h.Quantity, today);
            if (!plan.IsComplete)
            {
                throw new EventRefusedException(await ShortageAsync(line, null, ct));
            }
            db.Remove(h);
            foreach (var a in plan.Allocations)
            {
                var moved = new StockReservation { LineId = h.LineId, BatchId = a.BatchId, Quantity = a.Quantity, ReservedAt = h.ReservedAt };
                db.Add(moved);
                pending.Enqueue(moved);
            }
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task<bool> TryHoldAsync(Guid batchId, int quantity, CancellationToken ct) =>
        await db.Set<StockBatch>().Where(b => b.Id == batchId && b.QuantityOnHand - b.QuantityReserved >= quantity)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.QuantityReserved, b => b.QuantityReserved + quantity), ct) > 0;

    /// <summary>Gives back what the lines hold (their charges were refunded or the order cancelled).</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<Guid> lineIds, CancellationToken ct)
    {
        var holds = await db.Set<StockReservation>().Where(r => lineIds.Contains(r.LineId)).ToListAsync(ct);
        foreach (var h in holds)
        {
            await db.Set<StockBatch>().Where(b => b.Id == h.BatchId)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.QuantityReserved, b => b.QuantityReserved - h.Quantity), ct);
        }
        db.RemoveRange(holds);
    }

    private async Task<string> ShortageAsync(DispenseLine line, int? available, CancellationToken ct)
    {
        var drug = (await drugs.GetAsync(db, ct)).GetValueOrDefault(line.DrugId);
        return available is { } n
            ? Shortage(drug, line.Quantity, n, "可售") + "，不能收费；请医生更换药品或减少数量"
            : $"{drug?.Name ?? "药品"}库存不足：剩余库存刚被其他收费预占，不能收费；请医生更换药品或减少数量";
    }

    /// <summary>The one way the pharmacy says a drug is short, in packs: "阿莫西林胶囊库存不足：需 2 盒，可发 1 盒".</summary>
    internal static string Shortage(Drug? drug, int needed, int available, string verb) =>
        $"{drug?.Name ?? "药品"}库存不足：需 {needed} {drug?.PackUnit}，{verb} {available} {drug?.PackUnit}";
}
