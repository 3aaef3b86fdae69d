using CountyHealth.Kernel.Data;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.PublicHealth.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.PublicHealth.Chronic;

/// <summary>
/// What the workbench says about a visit for the chronic programmes: a hypertension or diabetes diagnosis of a resident
/// not managed is proposed for enrolment; a managed patient's blood pressure or glucose measured at the visit is offered
/// as a follow-up — one click each. (Shown to whoever reads the visit; the pages behind check their own permission.)
/// </summary>
internal sealed class ChronicNotices(CountyHealthDb db, IVisitSummaries visits) : IVisitNotices
{
    public async Task<IReadOnlyList<VisitNotice>> ForVisitAsync(Guid visitId, CancellationToken ct)
    {
        if (await visits.FindAsync(visitId, ct) is not { } visit)
        {
            return [];
        }
        var programmes = visit.Diagnoses.Select(d => ChronicRules.ProgrammeOf(d.Code)).OfType<Programme>().Distinct().ToList();
        var enrolments = await db.Set<ChronicEnrolment>().AsNoTracking()
            .Where(e => e.ResidentId == visit.ResidentId && e.Status == EnrolmentStatus.Active).Select(e => new { e.Id, e.Programme }).ToListAsync(ct);
        var recorded = await db.Set<ChronicFollowUp>().AsNoTracking().Where(f => f.SourceVisitId == visitId).Select(f => f.Programme).ToListAsync(ct);
        var notices = new List<VisitNotice>();
        foreach (var p in programmes.Where(p => enrolments.All(e => e.Programme != p)))
        {
            notices.Add(new VisitNotice($"{ChronicRules.NameOf(p)}诊断：该居民尚未纳入{ChronicRules.NameOf(p)}患者健康管理", $"/public-health/chronic/enrol?visit={visitId}&programme={p}", null, false));
        }
        foreach (var e in enrolments)
        {
            var measured = e.Programme == Programme.Hypertension ? visit.SystolicBp is not null && visit.DiastolicBp is not null : visit.FastingGlucose is not null;
            if (recorded.Contains(e.Programme))
            {
                notices.Add(new VisitNotice($"本次就诊已记为{ChronicRules.NameOf(e.Programme)}随访", $"/public-health/chronic/{e.Id}", null, false));
            }
            else if (measured)
            {
                var figure = e.Programme == Programme.Hypertension ? $"血压 {visit.SystolicBp}/{visit.DiastolicBp} mmHg" : $"空腹血糖 {visit.FastingGlucose} mmol/L";
                notices.Add(new VisitNotice($"{ChronicRules.NameOf(e.Programme)}管理患者：本次{figure}可记为随访", $"/public-health/chronic/{e.Id}?visit={visitId}", null, false));
            }
        }
        return notices;
    }
}
