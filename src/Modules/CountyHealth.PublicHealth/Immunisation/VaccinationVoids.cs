using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using CountyHealth.PublicHealth.Contracts;
using CountyHealth.PublicHealth.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.PublicHealth.Immunisation;

/// <summary>Why a dose record is voided: the error it corrects (录错儿童、疫苗、批号或日期…).</summary>
public sealed record VoidVaccinationRequest([Text(200)] string? Reason);

/// <summary>The rule of voiding: a series is voided from its end, so the doses left are numbered without a gap.</summary>
internal static class VaccinationVoids
{
    /// <summary>Whether the dose is the last recorded of its series (a later one must be voided first).</summary>
    public static bool IsLast(IEnumerable<Vaccination> doses, Vaccination dose) => !doses.Any(d => d.Series == dose.Series && d.Dose > dose.Dose);
}

/// <summary>
/// Voids a dose record entered in error: the record is kept, with the reason, in the child's voided records and removed from
/// the card, the lists and the figures; the nurse then records the right dose, checked against the schedule again.
/// </summary>
internal sealed class VoidVaccination(CountyHealthDb db, ImmunisationRecords records, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<ChildCard>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid residentId, Guid vaccinationId, VoidVaccinationRequest r, CancellationToken ct)
    {
        var e = FieldErrors.For(r);
        if (string.IsNullOrWhiteSpace(r.Reason) || r.Reason.Trim().Length < 2)
        {
            e.Add("reason", "请填写作废原因（如：录错批号、录错儿童）");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        if (await records.FindChildAsync(residentId, PublicHealthPermissions.Immunise, ct) is not { } child)
        {
            return Problems.NotFound(ImmunisationRecords.NotFound);
        }
        var doses = await db.Set<Vaccination>().Where(v => v.ResidentId == child.Id).ToListAsync(ct);
        if (doses.FirstOrDefault(v => v.Id == vaccinationId) is not { } dose)
        {
            return Problems.NotFound("未找到该接种记录，可能已被作废");
        }
        if (!VaccinationVoids.IsLast(doses, dose))
        {
            var later = doses.Where(d => d.Series == dose.Series && d.Dose > dose.Dose).Max(d => d.Dose);
            return Problems.Conflict($"{dose.VaccineName}第{later}剂在后，请先作废第{later}剂，再作废第{dose.Dose}剂");
        }
        db.Add(new VoidedVaccination
        {
            VaccinationId = dose.Id,
            ResidentId = dose.ResidentId,
            InstitutionId = dose.InstitutionId,
            GivenAtInstitutionId = dose.GivenAtInstitutionId,
            Series = dose.Series,
            Dose = dose.Dose,
            VaccineName = dose.VaccineName,
            Batch = dose.Batch,
            Site = dose.Site,
            GivenOn = dose.GivenOn,
            Source = dose.Source,
            NurseName = dose.NurseName,
            RecordedAt = dose.RecordedAt,
            Reason = r.Reason!.Trim(),
            VoidedBy = user.FullName,
            VoidedAt = clock.GetUtcNow().UtcDateTime,
        });
        db.Remove(dose);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Two nurses voiding the same record at once: the first one did it.
            return Problems.NotFound("未找到该接种记录，可能已被作废");
        }
        return TypedResults.Ok(await records.CardAsync(child, ct));
    }
}
