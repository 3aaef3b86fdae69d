using CountyHealth.Billing.Contracts;
using CountyHealth.Billing.Domain;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Time;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Billing.Settlement;

public sealed record SettlementRow(string Method, string MethodName, int PaymentCount, decimal Payments, int RefundCount, decimal Refunds, decimal Net);

/// <summary>A payment or refund of the day: <paramref name="Amount"/> the patient's money, <paramref name="FundAmount"/> the insurance fund's share.</summary>
public sealed record SettlementEntry(string Kind, string Number, string AtChina, string ResidentName, string MethodName, decimal Amount, string Cashier, decimal FundAmount = 0);

/// <summary>The day's settlement; <paramref name="FundNet"/> is what the insurance fund owes for the day (统筹记账), not in the drawer.</summary>
public sealed record SettlementReport(DateOnly Date, string? Cashier, IReadOnlyList<SettlementRow> Lines, decimal TotalPayments, decimal TotalRefunds, decimal Net,
    IReadOnlyList<SettlementEntry> Entries, decimal FundNet = 0);

/// <summary>The cashier's daily settlement (日结) of the institution for a China calendar day, all cashiers or one.</summary>
internal sealed class DailySettlement(CountyHealthDb db, IAccessScope scope, IResidentDirectory residents, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<SettlementReport> HandleAsync(DateOnly? date, string? cashier, CancellationToken ct)
    {
        var day = date ?? ChinaTime.Today(clock);
        var start = ChinaTime.StartOfDayUtc(day);
        var end = ChinaTime.StartOfDayUtc(day.AddDays(1));
        var pays = (await scope.WithinAsync(db.Set<Payment>().AsNoTracking(), BillingPermissions.ReadSettlement, p => p.InstitutionId, ct)).Where(p => p.PaidAt >= start && p.PaidAt < end);
        var refunds = (await scope.WithinAsync(db.Set<Refund>().AsNoTracking(), BillingPermissions.ReadSettlement, p => p.InstitutionId, ct)).Where(p => p.RefundedAt >= start && p.RefundedAt < end);
        if (!string.IsNullOrWhiteSpace(cashier))
        {
            pays = pays.Where(p => p.CashierUserName == cashier);
            refunds = refunds.Where(p => p.CashierUserName == cashier);
        }
        var payList = await pays.OrderBy(p => p.PaidAt).ToListAsync(ct);
        var refundList = await refunds.OrderBy(p => p.RefundedAt).ToListAsync(ct);
        // The drawer and the accounts hold what patients paid; the fund's share is claimed from the scheme, shown apart.
        var summary = CashierSettlement.Summarise(payList.Select(p => new SettlementMovement(p.Method, p.Amount - p.FundAmount, false))
            .Concat(refundList.Select(x => new SettlementMovement(x.Method, x.Amount - x.FundAmount, true))));
        var names = await residents.GetManyAsync(payList.Select(p => p.ResidentId).Concat(refundList.Select(x => x.ResidentId)), ct);
        var entries = payList.Select(p => new SettlementEntry("收费", p.ReceiptNumber, ChinaTime.Format(p.PaidAt), names.GetValueOrDefault(p.ResidentId)?.Name ?? "", PaymentMethods.ChineseName(p.Method), p.Amount - p.FundAmount, p.CashierName, p.FundAmount))
            .Concat(refundList.Select(x => new SettlementEntry("退费", payList.FirstOrDefault(p => p.Id == x.PaymentId)?.ReceiptNumber ?? "", ChinaTime.Format(x.RefundedAt), names.GetValueOrDefault(x.ResidentId)?.Name ?? "", PaymentMethods.ChineseName(x.Method), -(x.Amount - x.FundAmount), x.CashierName, -x.FundAmount)))
            .OrderBy(e => e.AtChina, StringComparer.Ordinal).ToList();
        if (entries.Count > 0)
        {
            await audit.SearchAsync(nameof(Payment), $"收费日结 {ChinaTime.FormatDate(day)}: {entries.Count} 笔");
        }
        return new SettlementReport(day, cashier, summary.Lines.Select(l => new SettlementRow(l.Method.ToString(), l.MethodName, l.PaymentCount, l.Payments, l.RefundCount, l.Refunds, l.Net)).ToList(),
            summary.TotalPayments, summary.TotalRefunds, summary.Net, entries, payList.Sum(p => p.FundAmount) - refundList.Sum(x => x.FundAmount));
    }
}
