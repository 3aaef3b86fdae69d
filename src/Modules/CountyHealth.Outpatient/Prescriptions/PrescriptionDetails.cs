using CountyHealth.Kernel.Data;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.Outpatient.Domain;
using CountyHealth.Pharmacy.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Outpatient.Prescriptions;

/// <summary>Beside a prescription at the dispensing desk: the visit's diagnoses and allergies, and the 处方笺 to print.</summary>
internal sealed class PrescriptionDetails(CountyHealthDb db) : IDispenseSources
{
    public async Task<IReadOnlyDictionary<Guid, DispenseSourceDetails>> DetailsAsync(string sourceKind, IReadOnlyCollection<Guid> sourceIds, CancellationToken ct)
    {
        if (sourceKind != OutpatientKinds.Prescription || sourceIds.Count == 0)
        {
            return new Dictionary<Guid, DispenseSourceDetails>();
        }
        var ids = sourceIds.ToList();
        var rows = await db.Set<Prescription>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .Join(db.Set<Visit>(), p => p.VisitId, v => v.Id, (p, v) => new
            {
                p.Id,
                v.Allergies,
                Diagnoses = v.Diagnoses.OrderBy(d => d.Position).Select(d => d.Name).ToList(),
            }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new DispenseSourceDetails(string.Join("；", r.Diagnoses), string.IsNullOrWhiteSpace(r.Allergies) ? null : r.Allergies,
            $"/outpatient/prescriptions/{r.Id}/print"));
    }
}
