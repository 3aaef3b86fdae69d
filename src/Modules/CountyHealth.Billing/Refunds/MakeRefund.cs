using CountyHealth.Billing.Contracts;
using CountyHealth.Billing.Domain;
using CountyHealth.Billing.Insurance;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Events;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Billing.Refunds;

public sealed record RefundRequest(string RequestId, IReadOnlyList<Guid> ChargeIds, [Text(200)] string? Reason);

/// <summary>A refund: <paramref name="Amount"/> goes back to the patient by the payment's method, <paramref name="FundAmount"/> to the insurance fund.</summary>
public sealed record RefundResponse(Guid RefundId, decimal Amount, string MethodName, bool Replayed, decimal FundAmount = 0);

/// <summary>
/// Refunds paid charges of one receipt, by the payment's method. The modules that raised them may object first (a
/// dispensed drug must come back to the pharmacy). Idempotent by the request id, like a payment.
/// </summary>
internal sealed class MakeRefund(CountyHealthDb db, IAccessScope scope, ICurrentUser user, DomainEvents events, IEnumerable<IRefundCheck> checks, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<RefundResponse>, Created<RefundResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(RefundRequest r, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(r.RequestId) || r.RequestId.Length > 64)
        {
            return Problems.Field("requestId", "缺少请求编号（requestId），无法防止重复退费");
        }
        if (await db.Set<Refund>().AsNoTracking().FirstOrDefaultAsync(x => x.RequestId == r.RequestId, ct) is { } earlier)
        {
            return TypedResults.Ok(Response(earlier, true));
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var chargeIds = r.ChargeIds ?? [];
        var charges = await (await scope.WithinAsync(db.Set<Charge>(), BillingPermissions.Refund, c => c.InstitutionId, ct)).Where(c => chargeIds.Contains(c.Id)).ToListAsync(ct);
        if (charges.Count == 0 || charges.Count != chargeIds.Distinct().Count())
        {
            return Problems.Field("chargeIds", "请选择要退费的项目");
        }
        if (charges.Any(c => c.Status != ChargeStatus.Paid) || charges.Select(c => c.PaymentId).Distinct().Count() != 1)
        {
            return await ReplayOrAsync(r.RequestId, "只能退同一张收据中已收费的项目", ct);
        }
        var items = charges.Select(c => new BilledItem(c.Kind, c.GroupId, c.SourceId)).ToList();
        var objections = new List<RefundObjection>();
        foreach (var check in checks)
        {
            objections.AddRange(await check.ObjectionsAsync(items, ct));
        }
        if (objections.Count > 0)
        {
            var reasons = objections.GroupBy(o => o.Reason, StringComparer.Ordinal).Select(g =>
                string.Join("、", charges.Where(c => g.Any(o => o.SourceId == c.SourceId)).Select(c => c.Description)) + g.Key);
            return Problems.Conflict(string.Join("；", reasons));
        }
        var payment = await db.Set<Payment>().FirstAsync(p => p.Id == charges[0].PaymentId, ct);
        // A receipt settled with insurance is refunded whole: the settlement is reversed with it, giving the fund its share
        // and the person's year its deductible and cap back; what remains can then be settled and paid again.
        InsuranceSettlement? settlement = null;
        if (payment.InsuranceSettlementId is { } settled)
        {
            if (await db.Set<Charge>().CountAsync(c => c.PaymentId == payment.Id && c.Status == ChargeStatus.Paid, ct) != charges.Count)
            {
                return Problems.Field("chargeIds", "医保结算的收费须整张收据退费，退费后可重新结算、收费");
            }
            settlement = await db.Set<InsuranceSettlement>().FirstAsync(s => s.Id == settled, ct);
        }
        var refund = new Refund
        {
            RequestId = r.RequestId,
            PaymentId = payment.Id,
            VisitId = payment.VisitId,
            ResidentId = payment.ResidentId,
            InstitutionId = payment.InstitutionId,
            Amount = charges.Sum(c => c.Amount),
            FundAmount = settlement?.FundPays ?? 0m,
            Method = payment.Method,
            Reason = (r.Reason ?? "").Trim(),
            CashierUserName = user.UserName,
            CashierName = user.FullName,
            RefundedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(refund);
        if (settlement is not null)
        {
            await InsuranceSettlements.UndoAsync(db, settlement, ct);
            settlement.Status = InsuranceSettlementStatus.Reversed;
            settlement.ReversedAt = refund.RefundedAt;
            settlement.ReversedBy = user.FullName;
            settlement.ReversalReason = "退费：" + (refund.Reason.Length > 0 ? refund.Reason : "未填原因");
            settlement.Version++;
        }
        foreach (var c in charges)
        {
            c.Status = ChargeStatus.Refunded;
            c.RefundId = refund.Id;
            c.Version++;
        }
        await events.PublishAsync(new ChargesRefunded(payment.VisitId, refund.Id, items), ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(ct);
            return await ReplayOrAsync(r.RequestId, "所选项目已被退费，请刷新", ct);
        }
        return TypedResults.Created($"/api/v1/billing/refunds/{refund.Id}", Response(refund, false));
    }

    private static RefundResponse Response(Refund refund, bool replayed) =>
        new(refund.Id, refund.Amount - refund.FundAmount, PaymentMethods.ChineseName(refund.Method), replayed, refund.FundAmount);

    // A concurrent twin of this request may have won while this one waited: answer with the winner's result.
    private async Task<Results<Ok<RefundResponse>, Created<RefundResponse>, ValidationProblem, ProblemHttpResult>> ReplayOrAsync(string requestId, string error, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var winner = await db.Set<Refund>().AsNoTracking().FirstOrDefaultAsync(x => x.RequestId == requestId, ct);
        return winner is null ? Problems.Conflict(error) : TypedResults.Ok(Response(winner, true));
    }
}
