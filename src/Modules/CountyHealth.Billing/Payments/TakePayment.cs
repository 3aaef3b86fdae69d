using CountyHealth.Billing.Contracts;
using CountyHealth.Billing.Domain;
using CountyHealth.Kernel.Amounts;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Documents;
using CountyHealth.Kernel.Events;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Billing.Payments;

/// <summary>
/// A payment of charges of one visit. The client's request id makes a retried or double-clicked payment count once.
/// <paramref name="Tendered"/> is the cash handed over (实收), at least the amount; without it, the exact amount.
/// </summary>
public sealed record PaymentRequest(string RequestId, Guid VisitId, IReadOnlyList<Guid> ChargeIds, string Method, [Bounds(0, 1_000_000)] decimal? Tendered = null);

/// <summary>
/// Takes a payment for open charges of one visit and answers with the receipt. Idempotent by the request id: the same
/// id again (in a row or at once) answers with the first payment's receipt, marked replayed. The modules that raised
/// the charges act on <see cref="ChargesPaid"/> in the same transaction (a prescription goes to the pharmacy).
/// </summary>
internal sealed class TakePayment(CountyHealthDb db, IAccessScope scope, ICurrentUser user, DomainEvents events, BeforeCommit beforeCommit, Receipts receipts,
    AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<Receipt>, Created<Receipt>, ValidationProblem, ProblemHttpResult>> HandleAsync(PaymentRequest r, CancellationToken ct)
    {
        if (FieldErrors.For(r) is { Any: true } invalid)
        {
            return invalid.ToProblem();
        }
        if (!Enum.TryParse<PaymentMethod>(r.Method, ignoreCase: true, out var method) || !Enum.IsDefined(method))
        {
            return Problems.Field("method", "支付方式无效（现金、微信、支付宝、银行卡）");
        }
        if (string.IsNullOrWhiteSpace(r.RequestId) || r.RequestId.Length > 64)
        {
            return Problems.Field("requestId", "缺少请求编号（requestId），无法防止重复收费");
        }
        var chargeIds = r.ChargeIds ?? [];
        var charges = await db.Set<Charge>().Where(c => chargeIds.Contains(c.Id) && c.VisitId == r.VisitId).ToListAsync(ct);
        if (charges.Count == 0 || charges.Count != chargeIds.Distinct().Count() || charges.Any(c => c.InstitutionId != charges[0].InstitutionId)
            || !await scope.AllowsAsync(BillingPermissions.TakePayment, charges[0].InstitutionId, nameof(Charge), r.VisitId, charges[0].ResidentId, ct))
        {
            return Problems.Field("chargeIds", "请选择本次就诊待收费的项目");
        }
        if (charges.Any(c => c.Status != ChargeStatus.Open))
        {
            // Paid already: by this very request (a retry) or by another.
            return await ReplayOrAsync(r.RequestId, "所选项目中有已收费或已退费的项目，请刷新后重试", ct);
        }
        // Charges settled with insurance are paid together, the fund's share by the settlement and the rest by the patient.
        var settlementIds = charges.Select(c => c.InsuranceSettlementId).Distinct().ToList();
        InsuranceSettlement? settlement = null;
        if (settlementIds.Any(id => id is not null))
        {
            var id = settlementIds[0];
            settlement = settlementIds.Count == 1 ? await db.Set<InsuranceSettlement>().FirstOrDefaultAsync(s => s.Id == id && s.Status == InsuranceSettlementStatus.Settled, ct) : null;
            if (settlement is null || await db.Set<Charge>().CountAsync(c => c.InsuranceSettlementId == id, ct) != charges.Count)
            {
                return Problems.Field("chargeIds", "医保已结算的项目须整单收费，不能与其他项目拆开或合并；如需调整请先撤销结算");
            }
        }
        var amount = charges.Sum(c => c.Amount);
        var fund = settlement?.FundPays ?? 0m;
        var due = amount - fund;
        var tendered = method == PaymentMethod.Cash && r.Tendered is { } cash ? Money.Round(cash) : due;
        if (tendered < due)
        {
            return Problems.Field("tendered", $"实收金额不足：应收{Money.Format(due)}，实收{Money.Format(tendered)}");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        // The number first, outside the transaction: its counter row is then locked for one statement, not the whole
        // payment. Holding the stock of paid drugs happens in the handlers of ChargesPaid, inside the transaction, so a
        // refused hold (the last box went to another patient) takes nothing.
        var receiptNumber = await DocumentNumbers.NextAsync(db, charges[0].InstitutionId, DocumentNumbers.Receipt, ChinaTime.DayOf(now), ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var payment = new Payment
        {
            RequestId = r.RequestId,
            ReceiptNumber = receiptNumber,
            VisitId = r.VisitId,
            ResidentId = charges[0].ResidentId,
            InstitutionId = charges[0].InstitutionId,
            Amount = amount,
            FundAmount = fund,
            InsuranceSettlementId = settlement?.Id,
            Method = method,
            Tendered = tendered,
            Change = tendered - due,
            CashierUserName = user.UserName,
            CashierName = user.FullName,
            PaidAt = now,
        };
        db.Add(payment);
        if (settlement is not null)
        {
            settlement.Status = InsuranceSettlementStatus.Paid;
            settlement.PaymentId = payment.Id;
            settlement.Version++;
        }
        foreach (var c in charges)
        {
            c.Status = ChargeStatus.Paid;
            c.PaymentId = payment.Id;
            c.Version++;
        }
        // One transaction: the payment, its charges, what the raising modules changed (stock held for paid drugs) and
        // the audit rows commit together; the charges' version tokens stop a second cashier paying them too.
        try
        {
            await events.PublishAsync(new ChargesPaid(r.VisitId, payment.Id, charges.Select(c => new BilledItem(c.Kind, c.GroupId, c.SourceId)).ToList()), ct);
            await db.SaveChangesAsync(ct);
            await beforeCommit.RunAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (EventRefusedException refused)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Problems.Conflict(refused.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            return await ReplayOrAsync(r.RequestId, "所选项目已被其他收费员收取，请刷新", ct);
        }
        catch (DbUpdateException)
        {
            // The same request id arrived twice at once: the unique index let one through; answer with it.
            await tx.RollbackAsync(ct);
            return await ReplayOrAsync(r.RequestId, "收费失败，请重试", ct);
        }
        var receipt = await receipts.BuildAsync(payment, charges, false, ct);
        return TypedResults.Created($"/api/v1/billing/payments/{receipt.PaymentId}/receipt", receipt);
    }

    private async Task<Results<Ok<Receipt>, Created<Receipt>, ValidationProblem, ProblemHttpResult>> ReplayOrAsync(string requestId, string error, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var earlier = await db.Set<Payment>().AsNoTracking().Where(p => p.RequestId == requestId).Select(p => new { p.Id, p.ResidentId }).FirstOrDefaultAsync(ct);
        if (earlier is null)
        {
            return Problems.Conflict(error);
        }
        var receipt = await receipts.LoadAsync(earlier.Id, true, ct);
        await audit.ReadAsync(nameof(Payment), earlier.Id, earlier.ResidentId, "重复的收费请求，返回原收据");
        return TypedResults.Ok(receipt);
    }
}
