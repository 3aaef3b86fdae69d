using CountyHealth.Billing.Contracts;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Events;
using CountyHealth.Kernel.Time;
using CountyHealth.Pharmacy.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Billing.Domain;

internal sealed record CashierOutcome(Guid? Id, bool Replayed, string? Error, string? Field = null);

/// <summary>Takes payments and makes refunds. Both are idempotent by the client's request id.</summary>
internal sealed class Cashier(CountyHealthDb db, ICurrentUser user, DomainEvents events, IDispensingQueue dispensing, TimeProvider clock)
{
    public async Task<CashierOutcome> PayAsync(string requestId, Guid visitId, IReadOnlyCollection<Guid> chargeIds, PaymentMethod method, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(requestId) || requestId.Length > 64)
        {
            return new(null, false, "缺少请求编号（requestId），无法防止重复收费", "requestId");
        }
        if (!Enum.IsDefined(method))
        {
            return new(null, false, "请选择支付方式", "method");
        }
        if (await db.Set<Payment>().AsNoTracking().FirstOrDefaultAsync(p => p.RequestId == requestId, ct) is { } earlier)
        {
            return new(earlier.Id, true, null);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var charges = await db.Set<Charge>().Where(c => c.VisitId == visitId && c.InstitutionId == user.InstitutionId && chargeIds.Contains(c.Id)).ToListAsync(ct);
        if (charges.Count == 0 || charges.Count != chargeIds.Distinct().Count())
        {
            return new(null, false, "请选择本次就诊待收费的项目", "chargeIds");
        }
        if (charges.Any(c => c.Status != ChargeStatus.Open))
        {
            return await ReplayOr(requestId, "所选项目中有已收费或已退费的项目，请刷新后重试", ct);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var payment = new Payment
        {
            RequestId = requestId,
            VisitId = visitId,
            ResidentId = charges[0].ResidentId,
            InstitutionId = charges[0].InstitutionId,
            Amount = charges.Sum(c => c.Amount),
            Method = method,
            CashierUserName = user.UserName,
            CashierName = user.FullName,
            PaidAt = now,
        };
        payment.ReceiptNumber = ChinaTime.ToChina(now).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + payment.Id.ToString("N")[^12..].ToUpperInvariant();
        db.Add(payment);
        foreach (var c in charges)
        {
            c.Status = ChargeStatus.Paid;
            c.PaymentId = payment.Id;
            c.Version++;
        }
        await events.PublishAsync(new ChargesPaid(visitId, payment.Id, charges.Select(c => new BilledItem(c.Source, c.GroupId, c.SourceId)).ToList()), ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            return await ReplayOr(requestId, "所选项目已被其他收费员收取，请刷新", ct);
        }
        catch (DbUpdateException)
        {
            // The same request id arrived twice at once: the unique index let one through; answer with it.
            await tx.RollbackAsync(ct);
            return await ReplayOr(requestId, "收费失败，请重试", ct);
        }
        return new(payment.Id, false, null);
    }

    private async Task<CashierOutcome> ReplayOr(string requestId, string error, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var winner = await db.Set<Payment>().AsNoTracking().FirstOrDefaultAsync(p => p.RequestId == requestId, ct);
        return winner is null ? new(null, false, error) : new(winner.Id, true, null);
    }

    // A concurrent twin of this request may have won while this one waited: answer with the winner's result.
    private async Task<CashierOutcome> ReplayRefundOr(string requestId, string error, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var winner = await db.Set<Refund>().AsNoTracking().FirstOrDefaultAsync(r => r.RequestId == requestId, ct);
        return winner is null ? new(null, false, error) : new(winner.Id, true, null);
    }

    public async Task<CashierOutcome> RefundAsync(string requestId, IReadOnlyCollection<Guid> chargeIds, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(requestId) || requestId.Length > 64)
        {
            return new(null, false, "缺少请求编号（requestId），无法防止重复退费", "requestId");
        }
        if (await db.Set<Refund>().AsNoTracking().FirstOrDefaultAsync(r => r.RequestId == requestId, ct) is { } earlier)
        {
            return new(earlier.Id, true, null);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var charges = await db.Set<Charge>().Where(c => chargeIds.Contains(c.Id) && c.InstitutionId == user.InstitutionId).ToListAsync(ct);
        if (charges.Count == 0 || charges.Count != chargeIds.Distinct().Count())
        {
            return new(null, false, "请选择要退费的项目", "chargeIds");
        }
        if (charges.Any(c => c.Status != ChargeStatus.Paid) || charges.Select(c => c.PaymentId).Distinct().Count() != 1)
        {
            return await ReplayRefundOr(requestId, "只能退同一张收据中已收费的项目", ct);
        }
        var dispensed = await dispensing.DispensedItemsAsync(charges.Where(c => c.Source == ChargeSource.PrescriptionItem).Select(c => c.SourceId), ct);
        if (dispensed.Count > 0)
        {
            var names = string.Join("、", charges.Where(c => dispensed.Contains(c.SourceId)).Select(c => c.Description));
            return new(null, false, $"{names}已发药，须先到药房退药才能退费");
        }
        var payment = await db.Set<Payment>().FirstAsync(p => p.Id == charges[0].PaymentId, ct);
        var refund = new Refund
        {
            RequestId = requestId,
            PaymentId = payment.Id,
            VisitId = payment.VisitId,
            ResidentId = payment.ResidentId,
            InstitutionId = payment.InstitutionId,
            Amount = charges.Sum(c => c.Amount),
            Method = payment.Method,
            Reason = (reason ?? "").Trim(),
            CashierUserName = user.UserName,
            CashierName = user.FullName,
            RefundedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(refund);
        foreach (var c in charges)
        {
            c.Status = ChargeStatus.Refunded;
            c.RefundId = refund.Id;
            c.Version++;
        }
        await events.PublishAsync(new ChargesRefunded(payment.VisitId, refund.Id, charges.Select(c => new BilledItem(c.Source, c.GroupId, c.SourceId)).ToList()), ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(ct);
            return await ReplayRefundOr(requestId, "所选项目已被退费，请刷新", ct);
        }
        return new(refund.Id, false, null);
    }
}
