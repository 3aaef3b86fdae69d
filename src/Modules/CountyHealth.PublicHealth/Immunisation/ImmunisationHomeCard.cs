using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Time;
using CountyHealth.Platform.Contracts;
using CountyHealth.PublicHealth.Contracts;
using CountyHealth.PublicHealth.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.PublicHealth.Immunisation;

/// <summary>
/// The vaccination clinic's and the village doctor's day: children overdue, due within two weeks, doses given today. A
/// county-wide reader (the CDC) gets the doses given today only: the county's children are not counted one by one.
/// </summary>
internal sealed class ImmunisationHomeCard(CountyHealthDb db, ImmunisationRecords records, IAccessScope scope, TimeProvider clock) : IHomeCards
{
    public string Permission => PublicHealthPermissions.ImmunisationRead;

    public async Task<HomeCard> TodayAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var reach = await scope.InstitutionsAsync(PublicHealthPermissions.ImmunisationRead, ct);
        var given = await scope.WithinAsync(db.Set<Vaccination>().AsNoTracking().Where(v => v.GivenOn == today && v.Source == DoseSource.Given),
            PublicHealthPermissions.ImmunisationRead, v => v.InstitutionId, ct);
        var lines = new List<HomeFigure>();
        if (reach is not null)
        {
            var due = await records.DueAsync(reach, null, today, ct);
            var soon = today.AddDays(ListChildrenDue.DueWithinDays);
            lines.Add(new("已逾期", $"{due.Count(c => c.Due.Any(d => d.DueOn < today))} 名儿童"));
            lines.Add(new("14 天内应种", $"{due.Count(c => c.Due.Count > 0 && c.Due.All(d => d.DueOn >= today) && c.Due.Any(d => d.DueOn <= soon))} 名儿童"));
        }
        lines.Add(new("今日已接种", $"{await given.CountAsync(ct)} 剂次"));
        return new HomeCard("预防接种", lines, "/public-health/immunisation", "应种名单", 23);
    }
}
