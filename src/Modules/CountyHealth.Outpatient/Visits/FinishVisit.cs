using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Validation;
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
        if (visit.ClosedReason is { } closed)
        {
            return Problems.Conflict(closed);
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

/// <summary>Why a finished visit must change (a result came back, a drug was forgotten), 4 to 200 characters.</summary>
public sealed record ReopenRequest([Text(200)] string Reason);

/// <summary>
/// Opens a finished visit again for the doctor to change it: the reason is required, kept on the visit and written to
/// the audit log with who did it; the visit is in progress until finished again.
/// </summary>
internal sealed class ReopenVisit(CountyHealthDb db, VisitRecords visits, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid id, ReopenRequest r, CancellationToken ct)
    {
        var e = FieldErrors.For(r);
        var reason = (r.Reason ?? "").Trim();
        if (reason.Length < 4)
        {
            e.Add("reason", "请填写重新接诊的原因（至少4个字）");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        if (await visits.FindAsync(id, OutpatientPermissions.Treat, withDiagnoses: false, ct) is not { } visit)
        {
            return Problems.NotFound(VisitRecords.NotFound);
        }
        if (visit.Status != VisitStatus.Finished)
        {
            return Problems.Conflict(visit.Status == VisitStatus.Cancelled ? "该就诊已退号，不能重新接诊" : "该就诊尚未完成，无需重新接诊");
        }
        visit.Status = VisitStatus.InProgress;
        visit.ReopenedAt = clock.GetUtcNow().UtcDateTime;
        visit.ReopenReason = reason;
        visit.Version++;
        await audit.RecordAsync(AuditActions.Reopen, nameof(Visit), visit.Id.ToString(), visit.ResidentId, $"重新接诊 {visit.VisitNumber}：{reason}");
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
