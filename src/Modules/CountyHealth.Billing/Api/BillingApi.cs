using CountyHealth.Billing.Contracts;
using CountyHealth.Billing.Domain;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Billing.Api;

public sealed record ChargeRow(Guid Id, string Source, string ItemCode, string Description, string Unit, decimal Quantity, decimal UnitPrice, decimal Amount, string Status, string StatusName, Guid? PaymentId);
public sealed record VisitCharges(Guid VisitId, Guid ResidentId, string ResidentName, IReadOnlyList<ChargeRow> Charges, decimal OpenAmount);
public sealed record PendingVisit(Guid VisitId, Guid ResidentId, string ResidentName, string SexName, int Age, int OpenCount, decimal OpenAmount, DateTime FirstAt, string FirstAtChina);
public sealed record PaymentRequest(string RequestId, Guid VisitId, IReadOnlyList<Guid> ChargeIds, string Method);
public sealed record RefundRequest(string RequestId, IReadOnlyList<Guid> ChargeIds, string? Reason);
public sealed record ReceiptLine(string Description, string Unit, decimal Quantity, decimal UnitPrice, decimal Amount);
public sealed record Receipt(Guid PaymentId, string ReceiptNumber, string InstitutionName, string ResidentName, string SexName, int Age, string Method, string MethodName,
    decimal Amount, string AmountText, string CashierName, string PaidAtChina, IReadOnlyList<ReceiptLine> Lines, bool Replayed);
public sealed record RefundResponse(Guid RefundId, decimal Amount, string MethodName, bool Replayed);
public sealed record SettlementRow(string Method, string MethodName, int PaymentCount, decimal Payments, int RefundCount, decimal Refunds, decimal Net);
public sealed record SettlementReport(DateOnly Date, string? Cashier, IReadOnlyList<SettlementRow> Lines, decimal TotalPayments, decimal TotalRefunds, decimal Net,
    IReadOnlyList<SettlementEntry> Entries);
public sealed record SettlementEntry(string Kind, string Number, string AtChina, string ResidentName, string MethodName, decimal Amount, string Cashier);

internal static class BillingApi
{
    public static void MapBillingEndpoints(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/price-items", (string? kind, string? q, IPriceCatalogue prices, CancellationToken ct) => prices.SearchAsync(kind, q, ct))
            .RequireAuthorization().WithTags("收费").WithName("SearchPriceItems").WithSummary("收费项目（挂号、检查、检验、治疗）");
        var g = app.MapGroup("/api/v1/billing").WithTags("收费").RequireAuthorization(p => p.RequireRole(Roles.CashierDesk.Split(',')));
        g.MapGet("/pending", Pending).WithName("PendingCharges").WithSummary("本机构有待收费项目的就诊");
        g.MapGet("/visits/{visitId:guid}/charges", ChargesOfVisit).WithName("VisitCharges").WithSummary("一次就诊的全部费用");
        g.MapPost("/payments", Pay).WithName("Pay").WithSummary("收费；同一 requestId 只收一次");
        g.MapGet("/payments/{id:guid}/receipt", GetReceipt).WithName("Receipt").WithSummary("收据");
        g.MapPost("/refunds", DoRefund).WithName("Refund").WithSummary("退费（未发药的项目）；同一 requestId 只退一次");
        g.MapGet("/settlement", Settlement).WithName("DailySettlement").WithSummary("收费员日结：按支付方式汇总收费与退费");
    }

    internal static string StatusName(ChargeStatus s) => s switch { ChargeStatus.Open => "待收费", ChargeStatus.Paid => "已收费", _ => "已退费" };

    internal static async Task<List<PendingVisit>> Pending(ICurrentUser user, CountyHealthDb db, IResidentDirectory residents, TimeProvider clock, CancellationToken ct)
    {
        var rows = await db.Set<Charge>().AsNoTracking().Where(c => c.InstitutionId == user.InstitutionId && c.Status == ChargeStatus.Open)
            .Select(c => new { c.VisitId, c.ResidentId, c.Amount, c.CreatedAt }).ToListAsync(ct);
        var names = await residents.GetManyAsync(rows.Select(r => r.ResidentId), ct);
        var today = ChinaTime.Today(clock);
        return rows.GroupBy(r => r.VisitId).Select(g =>
        {
            var r = names.GetValueOrDefault(g.First().ResidentId);
            var first = g.Min(x => x.CreatedAt);
            return new PendingVisit(g.Key, g.First().ResidentId, r?.Name ?? "", r?.SexName ?? "", r?.AgeOn(today) ?? 0, g.Count(), g.Sum(x => x.Amount), first, ChinaTime.Format(first));
        }).OrderBy(p => p.FirstAt).ToList();
    }

    internal static async Task<Results<Ok<VisitCharges>, ProblemHttpResult>> ChargesOfVisit(Guid visitId, ICurrentUser user, CountyHealthDb db, IResidentDirectory residents, AuditLog audit, CancellationToken ct)
    {
        var charges = await db.Set<Charge>().AsNoTracking().Where(c => c.VisitId == visitId && c.InstitutionId == user.InstitutionId).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(ct);
        if (charges.Count == 0)
        {
            return Problems.NotFound("本机构没有该次就诊的费用");
        }
        var resident = await residents.FindVisibleAsync(charges[0].ResidentId, ct);
        await audit.WriteAsync(AuditActions.Read, nameof(Charge), visitId.ToString(), charges[0].ResidentId, "就诊费用");
        return TypedResults.Ok(new VisitCharges(visitId, charges[0].ResidentId, resident?.Name ?? "",
            charges.Select(c => new ChargeRow(c.Id, c.Source.ToString(), c.ItemCode, c.Description, c.Unit, c.Quantity, c.UnitPrice, c.Amount, c.Status.ToString(), StatusName(c.Status), c.PaymentId)).ToList(),
            charges.Where(c => c.Status == ChargeStatus.Open).Sum(c => c.Amount)));
    }

    internal static async Task<Results<Ok<Receipt>, Created<Receipt>, ValidationProblem, ProblemHttpResult>> Pay(PaymentRequest r, Cashier cashier, CountyHealthDb db,
        IInstitutionDirectory institutions, IResidentDirectory residents, TimeProvider clock, CancellationToken ct)
    {
        if (!Enum.TryParse<PaymentMethod>(r.Method, ignoreCase: true, out var method) || !Enum.IsDefined(method))
        {
            return Problems.Field("method", "支付方式无效（现金、微信、支付宝、银行卡）");
        }
        var outcome = await cashier.PayAsync(r.RequestId, r.VisitId, r.ChargeIds ?? [], method, ct);
        if (outcome.Error is not null)
        {
            return outcome.Field is not null ? Problems.Field(outcome.Field, outcome.Error) : Problems.Conflict(outcome.Error);
        }
        var receipt = await BuildReceipt(outcome.Id!.Value, outcome.Replayed, db, institutions, residents, clock, ct);
        return outcome.Replayed ? TypedResults.Ok(receipt) : TypedResults.Created($"/api/v1/billing/payments/{receipt.PaymentId}/receipt", receipt);
    }

    private static async Task<Results<Ok<Receipt>, ProblemHttpResult>> GetReceipt(Guid id, ICurrentUser user, CountyHealthDb db, IInstitutionDirectory institutions,
        IResidentDirectory residents, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var p = await db.Set<Payment>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.InstitutionId == user.InstitutionId, ct);
        if (p is null)
        {
            return Problems.NotFound("未找到该收据");
        }
        await audit.WriteAsync(AuditActions.Print, nameof(Payment), id.ToString(), p.ResidentId, "收据");
        return TypedResults.Ok(await BuildReceipt(id, false, db, institutions, residents, clock, ct));
    }

    internal static async Task<Receipt> BuildReceipt(Guid paymentId, bool replayed, CountyHealthDb db, IInstitutionDirectory institutions, IResidentDirectory residents, TimeProvider clock, CancellationToken ct)
    {
        var p = await db.Set<Payment>().AsNoTracking().FirstAsync(x => x.Id == paymentId, ct);
        var lines = await db.Set<Charge>().AsNoTracking().Where(c => c.PaymentId == paymentId).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new ReceiptLine(c.Description, c.Unit, c.Quantity, c.UnitPrice, c.Amount)).ToListAsync(ct);
        var inst = await institutions.FindAsync(p.InstitutionId, ct);
        var res = (await residents.GetManyAsync([p.ResidentId], ct)).GetValueOrDefault(p.ResidentId);
        return new Receipt(p.Id, p.ReceiptNumber, inst?.Name ?? "", res?.Name ?? "", res?.SexName ?? "", res?.AgeOn(ChinaTime.Today(clock)) ?? 0, p.Method.ToString(),
            PaymentMethods.ChineseName(p.Method), p.Amount, MoneyRules.Format(p.Amount), p.CashierName, ChinaTime.Format(p.PaidAt), lines, replayed);
    }

    internal static async Task<Results<Ok<RefundResponse>, Created<RefundResponse>, ValidationProblem, ProblemHttpResult>> DoRefund(RefundRequest r, Cashier cashier, CountyHealthDb db, CancellationToken ct)
    {
        var outcome = await cashier.RefundAsync(r.RequestId, r.ChargeIds ?? [], r.Reason, ct);
        if (outcome.Error is not null)
        {
            return outcome.Field is not null ? Problems.Field(outcome.Field, outcome.Error) : Problems.Conflict(outcome.Error);
        }
        var refund = await db.Set<Refund>().AsNoTracking().FirstAsync(x => x.Id == outcome.Id, ct);
        var body = new RefundResponse(refund.Id, refund.Amount, PaymentMethods.ChineseName(refund.Method), outcome.Replayed);
        return outcome.Replayed ? TypedResults.Ok(body) : TypedResults.Created($"/api/v1/billing/refunds/{refund.Id}", body);
    }

    internal static async Task<SettlementReport> Settlement(DateOnly? date, string? cashier, ICurrentUser user, CountyHealthDb db, IResidentDirectory residents, TimeProvider clock, CancellationToken ct)
    {
        var day = date ?? ChinaTime.Today(clock);
        var start = ChinaTime.StartOfDayUtc(day);
        var end = ChinaTime.StartOfDayUtc(day.AddDays(1));
        var pays = db.Set<Payment>().AsNoTracking().Where(p => p.InstitutionId == user.InstitutionId && p.PaidAt >= start && p.PaidAt < end);
        var refunds = db.Set<Refund>().AsNoTracking().Where(p => p.InstitutionId == user.InstitutionId && p.RefundedAt >= start && p.RefundedAt < end);
        if (!string.IsNullOrWhiteSpace(cashier))
        {
            pays = pays.Where(p => p.CashierUserName == cashier);
            refunds = refunds.Where(p => p.CashierUserName == cashier);
        }
        var payList = await pays.OrderBy(p => p.PaidAt).ToListAsync(ct);
        var refundList = await refunds.OrderBy(p => p.RefundedAt).ToListAsync(ct);
        var summary = CashierSettlement.Summarise(payList.Select(p => new SettlementMovement(p.Method, p.Amount, false))
            .Concat(refundList.Select(x => new SettlementMovement(x.Method, x.Amount, true))));
        var names = await residents.GetManyAsync(payList.Select(p => p.ResidentId).Concat(refundList.Select(x => x.ResidentId)), ct);
        var entries = payList.Select(p => new SettlementEntry("收费", p.ReceiptNumber, ChinaTime.Format(p.PaidAt), names.GetValueOrDefault(p.ResidentId)?.Name ?? "", PaymentMethods.ChineseName(p.Method), p.Amount, p.CashierName))
            .Concat(refundList.Select(x => new SettlementEntry("退费", payList.FirstOrDefault(p => p.Id == x.PaymentId)?.ReceiptNumber ?? "", ChinaTime.Format(x.RefundedAt), names.GetValueOrDefault(x.ResidentId)?.Name ?? "", PaymentMethods.ChineseName(x.Method), -x.Amount, x.CashierName)))
            .OrderBy(e => e.AtChina, StringComparer.Ordinal).ToList();
        return new SettlementReport(day, cashier, summary.Lines.Select(l => new SettlementRow(l.Method.ToString(), l.MethodName, l.PaymentCount, l.Payments, l.RefundCount, l.Refunds, l.Net)).ToList(),
            summary.TotalPayments, summary.TotalRefunds, summary.Net, entries);
    }
}
