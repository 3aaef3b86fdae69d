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

/// <summary>Saves the outpatient record: complaint, history, examination, vital signs within plausible limits, advice.</summary>
internal sealed class SaveRecord(CountyHealthDb db, VisitRecords visits, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid id, RecordRequest r, CancellationToken ct)
    {
        if (await visits.FindAsync(id, OutpatientPermissions.Treat, withDiagnoses: false, ct) is not { } visit)
        {
            return Problems.NotFound(VisitRecords.NotFound);
        }
        var e = VitalSignsRules.Validate(new VitalSigns(r.SystolicBp, r.DiastolicBp, r.Temperature, r.Pulse, r.RespiratoryRate, r.WeightKg, r.HeightCm, r.FastingGlucose), FieldErrors.For(r));
        if (r.ChiefComplaint is { Length: > 500 })
        {
            e.Add("chiefComplaint", "主诉不能超过500字");
        }
        e.MaxLength("presentIllness", r.PresentIllness, "现病史", 2000).MaxLength("pastHistory", r.PastHistory, "既往史", 1000)
            .MaxLength("allergies", r.Allergies, "过敏史", 500).MaxLength("physicalExam", r.PhysicalExam, "体格检查", 2000).MaxLength("advice", r.Advice, "处理意见", 1000);
        if (visit.ClosedReason is { } closed)
        {
            return Problems.Conflict(closed);
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        (visit.ChiefComplaint, visit.PresentIllness, visit.PastHistory, visit.Allergies, visit.PhysicalExam, visit.Advice) =
            (r.ChiefComplaint?.Trim(), r.PresentIllness?.Trim(), r.PastHistory?.Trim(), r.Allergies?.Trim(), r.PhysicalExam?.Trim(), r.Advice?.Trim());
        (visit.SystolicBp, visit.DiastolicBp, visit.Temperature, visit.Pulse, visit.RespiratoryRate, visit.WeightKg, visit.HeightCm, visit.FastingGlucose) =
            (r.SystolicBp, r.DiastolicBp, r.Temperature, r.Pulse, r.RespiratoryRate, r.WeightKg, r.HeightCm, r.FastingGlucose);
        visit.Start(user.StaffId, clock.GetUtcNow().UtcDateTime);
        visit.Version++;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
