using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Time;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.Outpatient.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Outpatient.Visits;

/// <summary>The doctor's day: who waits for her (her patients and those registered to no doctor), who is in progress, who is done.</summary>
internal sealed class DoctorHomeCard(CountyHealthDb db, ICurrentUser user, TimeProvider clock) : IHomeCards
{
    public string Permission => OutpatientPermissions.Treat;

    public async Task<HomeCard> TodayAsync(CancellationToken ct)
    {
        var inst = user.InstitutionId ?? Guid.Empty;
        var today = ChinaTime.Today(clock);
        var me = user.StaffId;
        var counts = await db.Set<Visit>().AsNoTracking()
            .Where(v => v.InstitutionId == inst && v.VisitDate == today && (v.DoctorStaffId == me || v.DoctorStaffId == null))
            .GroupBy(v => v.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(VisitStatus s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
        return new HomeCard("今日门诊", [
            new("候诊", $"{Of(VisitStatus.Waiting)} 人"),
            new("接诊中", $"{Of(VisitStatus.InProgress)} 人"),
            new("已完成", $"{Of(VisitStatus.Finished)} 人"),
        ], "/outpatient/queue", "去接诊", 20);
    }
}
