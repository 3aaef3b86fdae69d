using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Web;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.Outpatient.Domain;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CountyHealth.Outpatient.Visits;

/// <summary>Ends the consultation; a visit without a diagnosis cannot be finished.</summary>
internal sealed class FinishVisit(CountyHealthDb db, VisitRecords visits, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid id, CancellationToken ct)
    {
        if (await visits.FindAsync(id, OutpatientPermissions.Treat, withDiagnoses: true, ct) is not { } visit)
        {
            return Problems.NotFound(VisitRecords.NotFound);
        }
        if (visit.Diagnoses.Count == 0)
        {
            return Problems.Conflict("请先填写诊断再完成接诊");
        }
        visit.Start(user.StaffId, clock.GetUtcNow().UtcDateTime);
        visit.Status = VisitStatus.Finished;
        visit.Version++;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
