using CountyHealth.Billing.Contracts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Documents;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Web;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.Outpatient.Domain;
using CountyHealth.Outpatient.Visits;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CountyHealth.Outpatient.Prescriptions;

/// <summary>Writes a Western-medicine prescription at a visit: the quantity to dispense is worked out, and the items become open charges.</summary>
internal sealed class WritePrescription(CountyHealthDb db, VisitRecords visits, PrescriptionLines lines, IChargeService charges, IResidentDirectory residents,
    IInstitutionDirectory institutions, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Created<PrescriptionRow>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid visitId, PrescriptionRequest r, CancellationToken ct)
    {
        if (await visits.FindAsync(visitId, OutpatientPermissions.Prescribe, withDiagnoses: false, ct) is not { } visit)
        {
            return Problems.NotFound(VisitRecords.NotFound);
        }
        if (visit.ClosedReason is { } closed)
        {
            return Problems.Conflict(closed);
        }
        var (items, e) = await lines.BuildAsync(r, visit.InstitutionId, ct);
        if (e.Any)
        {
            return e.ToProblem();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var patient = (await residents.GetManyAsync([visit.ResidentId], ct)).GetValueOrDefault(visit.ResidentId);
        var department = await institutions.FindDepartmentAsync(visit.DepartmentId, ct);
        var p = new Prescription
        {
            VisitId = visit.Id,
            ResidentId = visit.ResidentId,
            InstitutionId = visit.InstitutionId,
            PrescriberStaffId = user.StaffId,
            PrescriberName = user.FullName,
            CreatedAt = now,
            Items = items,
            Type = PrescriptionTypes.For(patient?.AgeOn(ChinaTime.DayOf(now)) ?? PrescriptionTypes.PaediatricAgeLimit, department?.Name ?? ""),
        };
        p.Number = await DocumentNumbers.NextAsync(db, visit.InstitutionId, DocumentNumbers.Prescription, ChinaTime.DayOf(now), ct);
        db.Add(p);
        await charges.AddAsync(new BillingEncounter(visit.Id, visit.ResidentId, visit.InstitutionId, visit.DepartmentId), PrescriptionLines.Charges(p), ct);
        visit.Start(user.StaffId, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/prescriptions/{p.Id}", PrescriptionRow.Of(p));
    }
}
