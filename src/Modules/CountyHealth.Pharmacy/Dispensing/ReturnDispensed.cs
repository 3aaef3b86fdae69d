using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Events;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Web;
using CountyHealth.Pharmacy.Contracts;
using CountyHealth.Pharmacy.Domain;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Pharmacy.Dispensing;

public sealed record ReturnRequest(IReadOnlyList<Guid> LineIds);

/// <summary>Takes dispensed items back into the batches they came from, so their charges can be refunded.</summary>
internal sealed class ReturnDispensed(CountyHealthDb db, ICurrentUser user, IAccessScope scope, DomainEvents events, TimeProvider clock) : IUseCase
{
    public async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid orderId, ReturnRequest r, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = await db.Set<DispenseOrder>().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null || !await scope.AllowsAsync(PharmacyPermissions.Dispense, order.InstitutionId, nameof(DispenseOrder), order.Id, order.ResidentId, ct))
        {
            return Problems.NotFound("未找到该发药单");
        }
        var lineIds = r.LineIds ?? [];
        var lines = order.Lines.Where(l => lineIds.Contains(l.Id)).ToList();
        if (lines.Count == 0 || lines.Any(l => l.Status != DispenseStatus.Dispensed))
        {
            return Problems.Conflict("只能退回已发出的药品");
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
        await events.PublishAsync(new DispensedItemsReturned(order.SourceKind, order.SourceId, lines.Select(l => l.SourceItemId).ToList()), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
