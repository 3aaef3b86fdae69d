using CountyHealth.Billing.Contracts;
using CountyHealth.Billing.Domain;
using CountyHealth.Kernel.Amounts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Time;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Billing.Settlement;

/// <summary>The cashier's day: her takings (less refunds) and the patients waiting to pay at her institution.</summary>
internal sealed class CashierHomeCard(CountyHealthDb db, ICurrentUser user, TimeProvider clock) : IHomeCards
{
    public string Permission => BillingPermissions.TakePayment;

    public async Task<HomeCard> TodayAsync(CancellationToken ct)
    {
        var inst = user.InstitutionId ?? Guid.Empty;
        var since = ChinaTime.StartOfDayUtc(ChinaTime.Today(clock));
        var paid = await db.Set<Payment>().AsNoTracking().Where(p => p.InstitutionId == inst && p.CashierUserName == user.UserName && p.PaidAt >= since)
            .GroupBy(p => 1).Select(g => new { Count = g.Count(), Sum = g.Sum(p => p.Amount) }).FirstOrDefaultAsync(ct);
        var refunded = await db.Set<Refund>().AsNoTracking().Where(r => r.InstitutionId == inst && r.CashierUserName == user.UserName && r.RefundedAt >= since)
            .SumAsync(r => (decimal?)r.Amount, ct) ?? 0;
        var waiting = await db.Set<Charge>().AsNoTracking().Where(c => c.InstitutionId == inst && c.Status == ChargeStatus.Open).Select(c => c.VisitId).Distinct().CountAsync(ct);
        return new HomeCard("今日收费", [
            new("本人实收", Money.Format((paid?.Sum ?? 0) - refunded)),
            new("收费笔数", $"{paid?.Count ?? 0} 笔"),
            new("待收费", $"{waiting} 人"),
        ], "/billing/cashier", "去收费", 10);
    }
}
