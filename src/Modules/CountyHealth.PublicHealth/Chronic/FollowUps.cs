using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Reference;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.PublicHealth.Contracts;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.Residents.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.PublicHealth.Chronic;

/// <summary>An enrolment; with a visit of the same patient, that visit's measurements to start a follow-up from.</summary>
public sealed record EnrolmentQuery(Guid? Visit);

/// <summary>
/// A follow-up on the national form. Symptoms are the form's codes ("1" 无症状); a reaction or complication is its
/// description (empty: none). The class, the referral and the next visit are worked out, not entered.
/// </summary>
public sealed record FollowUpRequest(DateOnly Date, FollowUpMode Mode, IReadOnlyList<string>? Symptoms, [Text(200)] string? OtherSymptoms,
    [Bounds(0, 999)] int? SystolicBp, [Bounds(0, 999)] int? DiastolicBp, [Bounds(0, 999)] int? HeartRate, [Bounds(0, 999)] decimal? WeightKg, [Bounds(0, 999)] decimal? TargetWeightKg,
    [Bounds(0, 999)] decimal? FastingGlucose, [Bounds(0, 999)] int? CigarettesPerDay, [Bounds(0, 999)] decimal? SpiritsLiangPerDay, [Bounds(0, 99)] int? ExerciseTimesPerWeek,
    [Bounds(0, 9999)] int? ExerciseMinutes, Adherence Adherence, [Text(200)] string? AdverseReaction, [Text(200)] string? Complication, Guid? SourceVisitId, int Version);

internal sealed class GetEnrolment(ChronicRecords records, IVisitSummaries visits, AuditLog audit) : IUseCase
{
    public async Task<Results<Ok<EnrolmentView>, ProblemHttpResult>> HandleAsync(Guid id, EnrolmentQuery q, CancellationToken ct)
    {
        if (await records.FindAsync(id, PublicHealthPermissions.Read, ct) is not { } e)
        {
            return Problems.NotFound(ChronicRecords.NotFound);
        }
        await audit.ReadAsync(nameof(ChronicEnrolment), e.Id, e.ResidentId);
        VisitMeasures? from = null;
        if (q.Visit is { } visitId && await visits.FindAsync(visitId, ct) is { } v && v.ResidentId == e.ResidentId)
        {
            from = new VisitMeasures(v.VisitId, v.VisitDate, v.SystolicBp, v.DiastolicBp, v.Pulse, v.WeightKg, v.FastingGlucose);
        }
        return TypedResults.Ok(await records.ViewAsync(e, from, ct));
    }
}

/// <summary>Records a follow-up, classifies it and sets the next visit (and a referral) by the specification's rules.</summary>
internal sealed class RecordFollowUp(CountyHealthDb db, ChronicRecords records, IResidentDirectory residents, IVisitSummaries visits, ReferenceTable<ChronicThresholds> thresholds,
    ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Created<EnrolmentView>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid id, FollowUpRequest r, CancellationToken ct)
    {
        if (await records.FindAsync(id, PublicHealthPermissions.Chronic, ct) is not { } enrolment)
        {
            return Problems.NotFound(ChronicRecords.NotFound);
        }
        if (enrolment.Status != EnrolmentStatus.Active)
        {
            return Problems.Conflict("该患者的管理已结案，不能再记录随访");
        }
        if (r.Version != enrolment.Version)
        {
            return Problems.Conflict(ChronicRecords.Changed);
        }
        var e = FieldErrors.For(r);
        var today = ChinaTime.Today(clock);
        foreach (var (field, message) in ChronicRules.Check(new ChronicRules.Entered(enrolment.Programme, r.Date, enrolment.EnrolledOn, today, r.SystolicBp, r.DiastolicBp,
            r.HeartRate, r.WeightKg, r.FastingGlucose, r.CigarettesPerDay, r.SpiritsLiangPerDay, r.ExerciseTimesPerWeek, r.ExerciseMinutes)))
        {
            e.Add(field, message);
        }
        var codes = (r.Symptoms ?? []).Distinct().ToList();
        var known = ChronicRules.Symptoms(enrolment.Programme).Select(s => s.Code).ToHashSet();
        if (codes.Any(c => !known.Contains(c)))
        {
            e.Add("symptoms", "症状应为随访表中的编号 1～9");
        }
        else if (codes.Contains("1") && codes.Count > 1)
        {
            e.Add("symptoms", "“无症状”不能与其他症状同时选择");
        }
        if (r.SourceVisitId is { } visitId)
        {
            if (await visits.FindAsync(visitId, ct) is not { } visit || visit.ResidentId != enrolment.ResidentId)
            {
                e.Add("sourceVisitId", "该就诊不是此患者的就诊");
            }
            else if (await db.Set<ChronicFollowUp>().AnyAsync(f => f.EnrolmentId == id && f.SourceVisitId == visitId, ct))
            {
                return Problems.Conflict("本次就诊已记为随访");
            }
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var resident = (await residents.GetManyAsync([enrolment.ResidentId], ct)).GetValueOrDefault(enrolment.ResidentId);
        var previous = await db.Set<ChronicFollowUp>().AsNoTracking().Where(f => f.EnrolmentId == id && f.Date <= r.Date)
            .OrderByDescending(f => f.Date).ThenByDescending(f => f.RecordedAt).Select(f => (FollowUpClass?)f.Class).FirstOrDefaultAsync(ct);
        var outcome = ChronicRules.Classify(new ChronicRules.Findings(enrolment.Programme, resident?.AgeOn(r.Date) ?? 0, r.SystolicBp, r.DiastolicBp, r.HeartRate,
            r.FastingGlucose, !string.IsNullOrWhiteSpace(r.AdverseReaction), !string.IsNullOrWhiteSpace(r.Complication), previous), r.Date, thresholds.Current);
        var followUp = new ChronicFollowUp
        {
            EnrolmentId = enrolment.Id,
            ResidentId = enrolment.ResidentId,
            InstitutionId = enrolment.InstitutionId,
            Programme = enrolment.Programme,
            Date = r.Date,
            Mode = r.Mode,
            Symptoms = string.Join(",", codes.Order(StringComparer.Ordinal)),
            OtherSymptoms = Blank(r.OtherSymptoms),
            SystolicBp = r.SystolicBp,
            DiastolicBp = r.DiastolicBp,
            HeartRate = r.HeartRate,
            WeightKg = r.WeightKg,
            TargetWeightKg = r.TargetWeightKg,
            FastingGlucose = r.FastingGlucose,
            CigarettesPerDay = r.CigarettesPerDay,
            SpiritsLiangPerDay = r.SpiritsLiangPerDay,
            ExerciseTimesPerWeek = r.ExerciseTimesPerWeek,
            ExerciseMinutes = r.ExerciseMinutes,
            Adherence = r.Adherence,
            AdverseReaction = Blank(r.AdverseReaction),
            Complication = Blank(r.Complication),
            Class = outcome.Class,
            AtTarget = outcome.AtTarget,
            Referral = outcome.Referral,
            ReferralReason = outcome.Referral == Referral.None ? null : outcome.Advice,
            NextDueOn = outcome.NextDueOn,
            Advice = outcome.Advice,
            SourceVisitId = r.SourceVisitId,
            DoctorName = user.FullName,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(followUp);
        // The latest visit sets what is due next (a late entry of an older visit does not move it back).
        if (enrolment.LastFollowUpOn is null || r.Date >= enrolment.LastFollowUpOn)
        {
            (enrolment.LastFollowUpOn, enrolment.LastClass, enrolment.NextDueOn) = (r.Date, outcome.Class, outcome.NextDueOn);
        }
        enrolment.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict(ChronicRecords.Changed);
        }
        return TypedResults.Created($"/api/v1/public-health/enrolments/{enrolment.Id}", await records.ViewAsync(enrolment, null, ct));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
