using CountyHealth.Billing.Contracts;
using CountyHealth.Kernel.Data;
using CountyHealth.Outpatient.Domain;
using CountyHealth.Platform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Outpatient.Visits;

/// <summary>Names visits for the cashier: 就诊号, department and doctor (names from the directory's cache, one query for the visits).</summary>
internal sealed class VisitLabels(CountyHealthDb db, IInstitutionDirectory institutions) : IEncounterLabels
{
    public async Task<IReadOnlyDictionary<Guid, EncounterLabel>> LabelsAsync(IReadOnlyCollection<Guid> encounterIds, CancellationToken ct)
    {
        if (encounterIds.Count == 0)
        {
            return new Dictionary<Guid, EncounterLabel>();
        }
        var ids = encounterIds.ToList();
        var visits = await db.Set<Visit>().AsNoTracking().Where(v => ids.Contains(v.Id))
            .Select(v => new { v.Id, v.VisitNumber, v.DepartmentId, v.DoctorStaffId }).ToListAsync(ct);
        var labels = new Dictionary<Guid, EncounterLabel>(visits.Count);
        foreach (var v in visits)
        {
            var dept = await institutions.FindDepartmentAsync(v.DepartmentId, ct);
            var doctor = v.DoctorStaffId is { } d ? await institutions.FindStaffAsync(d, ct) : null;
            labels[v.Id] = new EncounterLabel(v.VisitNumber, dept?.Name ?? "", doctor?.Name);
        }
        return labels;
    }
}
