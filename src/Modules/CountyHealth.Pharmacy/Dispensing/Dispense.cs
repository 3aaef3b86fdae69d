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

public sealed record DispenseResponse(Guid OrderId, string Status, IReadOnlyList<AllocationRow> Allocations, string DispensedBy, string CheckedBy);

public sealed record AllocationRow(Guid BatchId, string BatchNumber, DateOnly ExpiryDate, int Quantity, string DrugName = "", string PackUnit = "");

/// <summary>
/// The pharmacist's confirmation: who checked (核对) what she prepared; another pharmacist of the institution, or
/// herself where one pharmacist works alone (then she is recorded in both places).
/// </summary>
public sealed record DispenseConfirmation(Guid? CheckerStaffId = null);

/// <summary>
/// Hands out a queued order. Paid lines take exactly the batches their payment reserved (预占); lines sent without a
/// reservation are allocated earliest expiry first from stock nobody holds. Each batch is decremented by a conditional
/// UPDATE (… WHERE on_hand >= n), so two pharmacists racing for the last box cannot both take it, and the order's
/// version token stops the same order being dispensed twice. Who prepared and handed out, and who checked, are kept.
/// </summary>
internal sealed class Dispense(CountyHealthDb db, ICurrentUser user, IAccessScope scope, IInstitutionDirectory institutions, DrugCache drugs, DomainEvents events, TimeProvider clock) : IUseCase
{
    /// <summary>Attempts when a planned batch was emptied by another pharmacist between planning and taking.</summary>
    internal const int Attempts = 3;

    private sealed record Outcome(IReadOnlyList<(BatchAllocation Allocation, Guid DrugId)>? Allocations, ProblemHttpResult? Problem, bool BatchTaken = false);

    private sealed record Take(DispenseLine Line, BatchAllocation Allocation, bool Reserved);

    public async Task<Results<Ok<DispenseResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid orderId, DispenseConfirmation? confirmation, CancellationToken ct)
    {
        var checker = user.FullName;
        if (confirmation?.CheckerStaffId is { } checkerId && checkerId != user.StaffId)
        {
            var staff = (await institutions.StaffInRoleAsync(user.InstitutionId ?? Guid.Empty, Roles.Pharmacist, ct)).FirstOrDefault(s => s.Id == checkerId);
            if (staff is null)
            {
                return Problems.Field("checkerStaffId", "核对人须是本机构的药师");
            }
            checker = staff.Name;
        }
        // Another pharmacist may empty a planned batch between reading and taking it: plan again from fresh stock
        // rather than make the pharmacist refresh, as long as other batches can cover the order.
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await TryAsync(orderId, checker, ct);
            if (outcome.Allocations is { } taken)
            {
                var catalogue = await drugs.GetAsync(db, ct);
                return TypedResults.Ok(new DispenseResponse(orderId, nameof(DispenseStatus.Dispensed),
                    taken.Select(t => new AllocationRow(t.Allocation.BatchId, t.Allocation.BatchNumber, t.Allocation.ExpiryDate, t.Allocation.Quantity,
                        catalogue.GetValueOrDefault(t.DrugId)?.Name ?? "", catalogue.GetValueOrDefault(t.DrugId)?.PackUnit ?? "")).ToList(),
                    user.FullName, checker));
            }
            if (!outcome.BatchTaken || attempt == Attempts)
            {
                return outcome.Problem!;
            }
            db.ChangeTracker.Clear();
        }
    }

    private async Task<Outcome> TryAsync(Guid orderId, string checker, CancellationToken ct)
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
        var lineIds = lines.Select(l => l.Id).ToList();
        var holds = await db.Set<StockReservation>().Where(r => lineIds.Contains(r.LineId))
            .Join(db.Set<StockBatch>(), r => r.BatchId, b => b.Id, (r, b) => new { Hold = r, b.BatchNumber, b.ExpiryDate }).ToListAsync(ct);
        var takes = new List<Take>();
        foreach (var h in holds)
        {
            var line = lines.First(l => l.Id == h.Hold.LineId);
            if (h.ExpiryDate <= today)
            {
                return new(null, Problems.Conflict($"{await DrugNameAsync(line.DrugId, ct)}预占的批号{h.BatchNumber}已过期（{h.ExpiryDate:yyyy-MM-dd}），不能发出；请退费后由医生重开"));
            }
            takes.Add(new(line, new BatchAllocation(h.Hold.BatchId, h.BatchNumber, h.ExpiryDate, h.Hold.Quantity), true));
        }
        db.RemoveRange(holds.Select(h => h.Hold));
        var unreserved = lines.Where(l => holds.All(h => h.Hold.LineId != l.Id)).ToList();
        if (unreserved.Count > 0)
        {
            var drugIds = unreserved.Select(l => l.DrugId).Distinct().ToList();
            // Every unreserved line's candidate batches in one query; lines of the same drug draw on what the earlier lines left.
            var batches = await db.Set<StockBatch>().AsNoTracking()
                .Where(b => b.InstitutionId == order.InstitutionId && drugIds.Contains(b.DrugId) && b.QuantityOnHand > b.QuantityReserved)
                .Select(b => new { b.DrugId, Batch = new BatchStock(b.Id, b.BatchNumber, b.ExpiryDate, b.QuantityOnHand - b.QuantityReserved) }).ToListAsync(ct);
            var stock = batches.ToLookup(x => x.DrugId, x => x.Batch);
            var left = batches.ToDictionary(x => x.Batch.BatchId, x => x.Batch.QuantityOnHand);
            foreach (var line in unreserved)
            {
                var plan = ExpiryFirstAllocation.Allocate(stock[line.DrugId].Select(b => b with { QuantityOnHand = left[b.BatchId] }), line.Quantity, today);
                if (!plan.IsComplete)
                {
                    return new(null, Problems.Conflict(await ShortageAsync(line, line.Quantity - plan.Shortfall, ct)));
                }
                foreach (var a in plan.Allocations)
                {
                    left[a.BatchId] -= a.Quantity;
                    takes.Add(new(line, a, false));
                }
            }
        }
        foreach (var line in lines)
        {
            line.Status = DispenseStatus.Dispensed;
        }
        order.Status = DispenseStatus.Dispensed;
        order.DispensedAt = now;
        order.DispensedBy = user.FullName;
        order.CheckedBy = checker;
        order.Version++;
        await events.PublishAsync(new ItemsDispensed(order.SourceKind, order.SourceId, lines.Select(l => l.SourceItemId).ToList(), now), ct);
        foreach (var t in takes)
        {
            db.Add(new StockMovement { BatchId = t.Allocation.BatchId, Kind = MovementKind.Dispense, Quantity = -t.Allocation.Quantity, DispenseLineId = t.Line.Id, At = now, By = user.UserName });
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
        foreach (var t in takes)
        {
            var n = t.Allocation.Quantity;
            var taken = t.Reserved
                ? await db.Set<StockBatch>().Where(b => b.Id == t.Allocation.BatchId && b.QuantityOnHand >= n && b.QuantityReserved >= n)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.QuantityOnHand, b => b.QuantityOnHand - n).SetProperty(b => b.QuantityReserved, b => b.QuantityReserved - n), ct)
                : await db.Set<StockBatch>().Where(b => b.Id == t.Allocation.BatchId && b.QuantityOnHand - b.QuantityReserved >= n)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.QuantityOnHand, b => b.QuantityOnHand - n), ct);
            if (taken == 0)
            {
                return new(null, Problems.Conflict($"{await DrugNameAsync(t.Line.DrugId, ct)}库存不足（批号{t.Allocation.BatchNumber}刚被其他处方发出或预占），请刷新后重试"), BatchTaken: true);
            }
        }
        await tx.CommitAsync(ct);
        return new(takes.Select(t => (t.Allocation, t.Line.DrugId)).ToList(), null);
    }

    private async Task<string> DrugNameAsync(Guid drugId, CancellationToken ct) => (await drugs.GetAsync(db, ct)).GetValueOrDefault(drugId)?.Name ?? "";

    private async Task<string> ShortageAsync(DispenseLine line, int available, CancellationToken ct) =>
        StockReservations.Shortage((await drugs.GetAsync(db, ct)).GetValueOrDefault(line.DrugId), line.Quantity, available, "可发");
}
