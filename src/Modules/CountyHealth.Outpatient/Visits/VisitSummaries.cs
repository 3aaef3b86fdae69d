using CountyHealth.Kernel.Data;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.Outpatient.Domain;
using CountyHealth.Platform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Outpatient.Visits;

internal sealed class VisitSummaries(CountyHealthDb db, IInstitutionDirectory institutions) : IVisitSummaries
{
    public IQueryable<VisitDay> SeenBetween(DateOnly from, DateOnly to) => db.Set<Visit>().AsNoTracking()
        .Where(v => v.VisitDate >= from && v.VisitDate <= to && v.Status != VisitStatus.Cancelled)
        .Select(v => new VisitDay { ResidentId = v.ResidentId, InstitutionId = v.InstitutionId, Date = v.VisitDate });

    public async Task<VisitSummary?> FindAsync(Guid visitId, CancellationToken ct)
    {
        var v = await db.Set<Visit>().AsNoTracking().Where(x => x.Id == visitId)
            .Select(x => new
            {
                x.Id,
                x.ResidentId,
                x.InstitutionId,
                x.VisitDate,
                x.DoctorStaffId,
                x.SystolicBp,
                x.DiastolicBp,
                x.Pulse,
                x.WeightKg,
                x.HeightCm,
                x.FastingGlucose,
                Diagnoses = x.Diagnoses.OrderBy(d => d.Position).Select(d => new DiagnosedCode(d.Code, d.Name)).ToList(),
            }).FirstOrDefaultAsync(ct);
        if (v is null)
        {
            return null;
        }
        var doctor = v.DoctorStaffId is { } d ? await institutions.FindStaffAsync(d, ct) : null;
        return new VisitSummary(v.Id, v.ResidentId, v.InstitutionId, v.VisitDate, doctor?.Name, v.SystolicBp, v.DiastolicBp, v.Pulse, v.WeightKg, v.HeightCm, v.FastingGlucose, v.Diagnoses);
    }
}
