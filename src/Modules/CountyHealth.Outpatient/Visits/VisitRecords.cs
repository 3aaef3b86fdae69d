using CountyHealth.Kernel.Data;
using CountyHealth.Outpatient.Domain;
using CountyHealth.Platform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Outpatient.Visits;

/// <summary>Loads a visit for a use case and applies the scope rule to it (a refusal is audited and looks like "not found").</summary>
internal sealed class VisitRecords(CountyHealthDb db, IAccessScope scope)
{
    public const string NotFound = "未找到该就诊记录";

    /// <summary>The visit, tracked, if the permission (reading the chart, treating, prescribing) reaches it.</summary>
    public async Task<Visit?> FindAsync(Guid id, string permission, bool withDiagnoses, CancellationToken ct)
    {
        IQueryable<Visit> visits = withDiagnoses ? db.Set<Visit>().Include(v => v.Diagnoses) : db.Set<Visit>();
        var visit = await visits.FirstOrDefaultAsync(v => v.Id == id, ct);
        return visit is not null && await scope.AllowsAsync(permission, visit.InstitutionId, nameof(Visit), visit.Id, visit.ResidentId, ct) ? visit : null;
    }
}
