using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Time;
using CountyHealth.Platform.Contracts;
using CountyHealth.PublicHealth.Contracts;
using CountyHealth.PublicHealth.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.PublicHealth.Chronic;

/// <summary>The village doctor's and public-health doctor's day: managed patients overdue, due within two weeks, and in all.</summary>
internal sealed class ChronicHomeCard(CountyHealthDb db, IAccessScope scope, TimeProvider clock) : IHomeCards
{
    public string Permission => PublicHealthPermissions.Read;

    public async Task<HomeCard> TodayAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var soon = today.AddDays(ListDuePatients.DueWithinDays);
        var managed = await scope.WithinAsync(db.Set<ChronicEnrolment>().AsNoTracking().Where(e => e.Status == EnrolmentStatus.Active),
            PublicHealthPermissions.Read, e => e.InstitutionId, ct);
        var counts = await managed.GroupBy(e => e.NextDueOn < today ? 0 : e.NextDueOn <= soon ? 1 : 2).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(int key) => counts.FirstOrDefault(c => c.Key == key)?.Count ?? 0;
        return new HomeCard("慢病随访", [
            new("已逾期", $"{Of(0)} 人"),
            new("14 天内到期", $"{Of(1)} 人"),
            new("在管患者", $"{counts.Sum(c => c.Count)} 人"),
        ], "/public-health/chronic", "去随访", 22);
    }
}
