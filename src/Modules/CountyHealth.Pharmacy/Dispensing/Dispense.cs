using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Events;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Web;
using CountyHealth.Pharmacy.Catalogue;
using CountyHealth.Pharmacy.Contracts;
using CountyHealth.Pharmacy.Domain;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Pharmacy.Dispensing;

public sealed record DispenseResponse(Guid OrderId, string Status, IReadOnlyList<AllocationRow> Allocations);

public sealed record AllocationRow(Guid BatchId, string BatchNumber, DateOnly ExpiryDate, int Quantity);

/// <summary>
/// Hands out a queued order from stock, earliest expiry first. Each batch is decremented by a conditional UPDATE
/// (… WHERE on_hand >= n), so two pharmacists racing for the last box cannot both take it, and the order's version
/// token stops the same order being dispensed twice.
/// </summary>
internal sealed class Dispense(CountyHealthDb db, ICurrentUser user, IAccessScope scope, DrugCache drugs, DomainEvents events, TimeProvider clock) : IUseCase
{
    /// <summary>Attempts when a planned batch was emptied by another pharmacist between planning and taking.</summary>
    internal const int Attempts = 3;

    private sealed record Outcome(IReadOnlyList<BatchAllocation>? Allocations, ProblemHttpResult? Problem, bool BatchTaken = false);

    public async Task<Results<Ok<DispenseResponse>, ProblemHttpResult>> HandleAsync(Guid orderId, CancellationToken ct)
    {
        // Another pharmacist may empty a planned batch between reading and taking it: plan again from fresh stock
        // rather than make the pharmacist refresh, as long as other batches can cover the order.
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await TryAsync(orderId, ct);
            if (outcome.Allocations is { } taken)
            {
                return TypedResults.Ok(new DispenseResponse(orderId, nameof(DispenseStatus.Dispensed),
                    taken.Select(a => new AllocationRow(a.BatchId, a.BatchNumber, a.ExpiryDate, a.Quantity)).ToList()));
            }
            if (!outcome.BatchTaken || attempt == Attempts)
            {
                return outcome.Problem!;
            }
            db.ChangeTracker.Clear();
        }
    }

    private async Task<Outcome> TryAsync(Guid orderId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = await db.Set<DispenseOrder>().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null || !await scope.AllowsAsync(PharmacyPermissions.Dispense, order.InstitutionId, nameof(DispenseOrder), order.Id, order.ResidentId, ct))
        {
            return new(null, Problems.NotFound("未找到该发药单"));
        }
        if (order.Status != DispenseStatus.Waiting)
        {
            return new(null, Problems.Conflict(order.Status == DispenseStatus.Dispensed ? "该处方已发药" : "该处方已退费或取消，不能发药"));
        }
        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var lines = order.Lines.Where(l => l.Status == DispenseStatus.Waiting).ToList();
        var drugIds = lines.Select(l => l.DrugId).Distinct().ToList();
        // Every line's candidate batches in one query; lines of the same drug draw on what the earlier lines left.
        var batches = await db.Set<StockBatch>().AsNoTracking()
            .Where(b => b.InstitutionId == order.InstitutionId && drugIds.Contains(b.DrugId) && b.QuantityOnHand > 0)
            .Select(b => new { b.DrugId, Batch = new BatchStock(b.Id, b.BatchNumber, b.ExpiryDate, b.QuantityOnHand) }).ToListAsync(ct);
        var stock = batches.ToLookup(x => x.DrugId, x => x.Batch);
        var left = batches.ToDictionary(x => x.Batch.BatchId, x => x.Batch.QuantityOnHand);
        var plans = new List<(DispenseLine Line, BatchAllocation Allocation)>();
        foreach (var line in lines)
        {
            var plan = ExpiryFirstAllocation.Allocate(stock[line.DrugId].Select(b => b with { QuantityOnHand = left[b.BatchId] }), line.Quantity, today);
            if (!plan.IsComplete)
            {
                return new(null, Problems.Conflict($"{await DrugNameAsync(line.DrugId, ct)}库存不足：需{line.Quantity}，可发{line.Quantity - plan.Shortfall}"));
            }
            foreach (var a in plan.Allocations)
            {
                left[a.BatchId] -= a.Quantity;
                plans.Add((line, a));
            }
            line.Status = DispenseStatus.Dispensed;
        }
        order.Status = DispenseStatus.Dispensed;
        order.DispensedAt = now;
        order.DispensedBy = user.FullName;
        order.Version++;
        await events.PublishAsync(new ItemsDispensed(order.SourceKind, order.SourceId, lines.Select(l => l.SourceItemId).ToList(), now), ct);
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
            return new(null, Problems.Conflict("该处方已由其他药师发药"));
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
                return new(null, Problems.Conflict($"{await DrugNameAsync(line.DrugId, ct)}库存不足（批号{a.BatchNumber}刚被其他处方发出），请刷新后重试"), BatchTaken: true);
            }
        }
        await tx.CommitAsync(ct);
        return new(plans.Select(p => p.Allocation).ToList(), null);
    }

    private async Task<string> DrugNameAsync(Guid drugId, CancellationToken ct) => (await drugs.GetAsync(db, ct)).GetValueOrDefault(drugId)?.Name ?? "";
}
