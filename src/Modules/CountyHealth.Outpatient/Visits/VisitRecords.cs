using CountyHealth.Kernel.Data;
using CountyHealth.Outpatient.Domain;
using CountyHealth.Platform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Outpatient.Visits;

/// <summary>Loads a visit for a use case and applies the scope rule to it (a refusal is audited and looks like "not found").</summary>
internal sealed class VisitRecords(CountyHealthDb db, IAccessScope scope)
{
    public const string NotFound = "未找到该就诊记录";

    /// <summary>The visit, tracked, if the user may read it (<see cref="AccessKind.Read"/>) or change it (<see cref="AccessKind.Write"/>).</summary>
    public async Task<Visit?> FindAsync(Guid id, AccessKind kind, bool withDiagnoses, CancellationToken ct)
    {
        IQueryable<Visit> visits = withDiagnoses ? db.Set<Visit>().Include(v => v.Diagnoses) : db.Set<Visit>();
        var visit = await visits.FirstOrDefaultAsync(v => v.Id == id, ct);
        return visit is not null && await scope.AllowsAsync(kind, visit.InstitutionId, nameof(Visit), visit.Id, visit.ResidentId, ct) ? visit : null;
    }
}
