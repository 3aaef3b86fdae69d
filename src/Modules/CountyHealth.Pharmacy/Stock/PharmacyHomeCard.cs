using CountyHealth.Kernel.Amounts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Time;
using CountyHealth.Pharmacy.Contracts;
using CountyHealth.Pharmacy.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Pharmacy.Stock;

/// <summary>The pharmacist's day: orders waiting, and stock that expires within 90 days or has expired (batches and retail value).</summary>
internal sealed class PharmacyHomeCard(CountyHealthDb db, ICurrentUser user, TimeProvider clock) : IHomeCards
{
    public string Permission => PharmacyPermissions.Dispense;

    public async Task<HomeCard> TodayAsync(CancellationToken ct)
    {
        var inst = user.InstitutionId ?? Guid.Empty;
        var today = ChinaTime.Today(clock);
        var near = today.AddDays(ExpiryStatus.DefaultNearDays);
        var waiting = await db.Set<DispenseOrder>().AsNoTracking().CountAsync(o => o.InstitutionId == inst && o.Status == DispenseStatus.Waiting, ct);
        var expiring = await db.Set<StockBatch>().AsNoTracking().Where(b => b.InstitutionId == inst && b.QuantityOnHand > 0 && b.ExpiryDate <= near)
            .Select(b => new { Expired = b.ExpiryDate <= today, Value = b.QuantityOnHand * b.RetailPrice }).ToListAsync(ct);
        var soon = expiring.Where(b => !b.Expired).ToList();
        var gone = expiring.Where(b => b.Expired).ToList();
        return new HomeCard("今日药房", [
            new("待发药", $"{waiting} 张"),
            new("近效期（90天内）", $"{soon.Count} 批 · {Money.Format(soon.Sum(b => b.Value))}"),
            new("已过期", $"{gone.Count} 批 · {Money.Format(gone.Sum(b => b.Value))}"),
        ], "/pharmacy/dispensing", "去发药", 30);
    }
}
