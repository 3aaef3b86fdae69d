using CountyHealth.Billing.Contracts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Web;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.Outpatient.Domain;
using CountyHealth.Outpatient.Visits;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Outpatient.Prescriptions;

/// <summary>A prescription is its prescriber's: another doctor writes a new one rather than change hers under her name.</summary>
internal static class Prescriptions
{
    public static ProblemHttpResult? NotOwnedBy(Prescription p, ICurrentUser user) =>
        p.PrescriberStaffId is { } prescriber && prescriber == user.StaffId
            ? null
            : Problems.Forbidden($"只能修改或作废本人开具的处方（本处方由{p.PrescriberName}开具）");
}

/// <summary>Rewrites one's own prescription that is not paid yet; its open charges are replaced. A paid prescription is final.</summary>
internal sealed class ChangePrescription(CountyHealthDb db, VisitRecords visits, PrescriptionLines lines, IChargeService charges, ICurrentUser user) : IUseCase
{
    public async Task<Results<Ok<PrescriptionRow>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid id, PrescriptionRequest r, CancellationToken ct)
    {
        var p = await db.Set<Prescription>().Include(x => x.Items).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return Problems.NotFound("未找到该处方");
        }
        if (await visits.FindAsync(p.VisitId, OutpatientPermissions.Prescribe, withDiagnoses: false, ct) is not { } visit)
        {
            return Problems.NotFound(VisitRecords.NotFound);
        }
        if (Prescriptions.NotOwnedBy(p, user) is { } notOwn)
        {
            return notOwn;
        }
        if (visit.ClosedReason is { } closed)
        {
            return Problems.Conflict(closed);
        }
        if (p.Status == PrescriptionStatus.Open && await charges.AnySettledAsync(p.Id, ct))
        {
            return Problems.Conflict("处方已医保结算，不能修改；如需调整请先到收费处撤销结算");
        }
        if (p.Status != PrescriptionStatus.Open || !await charges.RemoveOpenAsync(p.Id, ct))
        {
            return Problems.Conflict("处方已收费，不能修改；如需调整请先退费");
        }
        var (items, e) = await lines.BuildAsync(r, visit.InstitutionId, ct);
        if (e.Any)
        {
            return e.ToProblem();
        }
        db.RemoveRange(p.Items);
        p.Items = items;
        p.Version++;
        await charges.AddAsync(new BillingEncounter(visit.Id, visit.ResidentId, visit.InstitutionId, visit.DepartmentId), PrescriptionLines.Charges(p), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(PrescriptionRow.Of(p));
    }
}

/// <summary>Cancels one's own prescription that is not paid yet, with its open charges.</summary>
internal sealed class CancelPrescription(CountyHealthDb db, VisitRecords visits, IChargeService charges, ICurrentUser user) : IUseCase
{
    public async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid id, CancellationToken ct)
    {
        var p = await db.Set<Prescription>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null || await visits.FindAsync(p.VisitId, OutpatientPermissions.Prescribe, withDiagnoses: false, ct) is not { } visit)
        {
            return Problems.NotFound("未找到该处方");
        }
        if (Prescriptions.NotOwnedBy(p, user) is { } notOwn)
        {
            return notOwn;
        }
        if (visit.ClosedReason is { } closed)
        {
            return Problems.Conflict(closed);
        }
        if (p.Status == PrescriptionStatus.Open && await charges.AnySettledAsync(p.Id, ct))
        {
            return Problems.Conflict("处方已医保结算，不能作废；如需调整请先到收费处撤销结算");
        }
        if (p.Status != PrescriptionStatus.Open || !await charges.RemoveOpenAsync(p.Id, ct))
        {
            return Problems.Conflict("处方已收费，不能作废；如需调整请先退费");
        }
        p.Status = PrescriptionStatus.Cancelled;
        p.Version++;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
