using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.Platform.Contracts;
using CountyHealth.PublicHealth.Contracts;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.Residents.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.PublicHealth.Chronic;

/// <summary>The programme to propose (absent: the first one the visit's diagnoses name).</summary>
public sealed record ProposalQuery(Programme? Programme);

public sealed record EnrolmentProposal(Guid VisitId, Programme Programme, string ProgrammeName, Guid ResidentId, string ResidentName, string SexName, int Age,
    string? IdNumber, string? Address, string Diagnosis, string VisitDate, string ManagedBy, Guid? ExistingEnrolmentId, string? Refusal);

public sealed record EnrolRequest(Guid VisitId, Programme Programme);

/// <summary>Ends a patient's management: died (with the date), moved away, or the diagnosis was withdrawn.</summary>
public sealed record EndEnrolmentRequest(DateOnly Date, [Text(200)] string? Reason, int Version);

/// <summary>Enrolment is for residents of 35 and over with the programme's diagnosis (national specification).</summary>
internal sealed class EnrolmentRules(CountyHealthDb db, IVisitSummaries visits, IResidentDirectory residents, IAccessScope scope, IInstitutionDirectory institutions)
{
    public const int MinimumAge = 35;

    /// <summary>The visit, the resident and the institution that will manage her, or the reason enrolment is refused.</summary>
    public async Task<(VisitSummary? Visit, ResidentSummary? Resident, InstitutionInfo? ManagedBy, ChronicEnrolment? Existing, string? Refusal)> ReadAsync(
        Guid visitId, Programme programme, CancellationToken ct)
    {
        if (await visits.FindAsync(visitId, ct) is not { } visit
            || !await scope.AllowsAsync(PublicHealthPermissions.Chronic, visit.InstitutionId, "Visit", visit.VisitId, visit.ResidentId, ct))
        {
            return (null, null, null, null, null);
        }
        var resident = (await residents.GetManyAsync([visit.ResidentId], ct)).GetValueOrDefault(visit.ResidentId);
        // Managed by her home village's clinic when the user reaches it (a township doctor enrolling a villager), else here.
        var home = resident is not null && await scope.CoversAsync(PublicHealthPermissions.Chronic, resident.ManagingInstitutionId, ct) ? resident.ManagingInstitutionId : visit.InstitutionId;
        var managedBy = await institutions.FindAsync(home, ct);
        var existing = await db.Set<ChronicEnrolment>().FirstOrDefaultAsync(e => e.ResidentId == visit.ResidentId && e.Programme == programme && e.Status == EnrolmentStatus.Active, ct);
        string? refusal = null;
        if (!visit.Diagnoses.Any(d => ChronicRules.ProgrammeOf(d.Code) == programme))
        {
            refusal = $"本次就诊没有{ChronicRules.NameOf(programme)}诊断（高血压 I10–I15，2型糖尿病 E11）";
        }
        else if (resident is not null && resident.AgeOn(visit.VisitDate) < MinimumAge)
        {
            refusal = $"国家基本公共卫生服务的{ChronicRules.NameOf(programme)}患者管理对象为{MinimumAge}岁及以上居民（该居民{resident.AgeOn(visit.VisitDate)}岁）";
        }
        else if (existing is not null)
        {
            refusal = $"该居民已在{ChronicRules.NameOf(programme)}患者管理中";
        }
        return (visit, resident, managedBy, existing, refusal);
    }
}

internal sealed class GetEnrolmentProposal(EnrolmentRules rules, IVisitSummaries visits, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<EnrolmentProposal>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid visitId, ProposalQuery q, CancellationToken ct)
    {
        var e = FieldErrors.For(q);
        if (e.Any)
        {
            return e.ToProblem();
        }
        var summary = q.Programme is null ? await visits.FindAsync(visitId, ct) : null;
        var programme = q.Programme ?? summary?.Diagnoses.Select(d => ChronicRules.ProgrammeOf(d.Code)).OfType<Programme>().FirstOrDefault() ?? Programme.Hypertension;
        var (visit, resident, managedBy, existing, refusal) = await rules.ReadAsync(visitId, programme, ct);
        if (visit is null || resident is null)
        {
            return Problems.NotFound("未找到该就诊记录");
        }
        await audit.ReadAsync("Visit", visit.VisitId, resident.Id, $"{ChronicRules.NameOf(programme)}患者管理建议");
        var diagnosis = visit.Diagnoses.FirstOrDefault(d => ChronicRules.ProgrammeOf(d.Code) == programme);
        return TypedResults.Ok(new EnrolmentProposal(visit.VisitId, programme, ChronicRules.NameOf(programme), resident.Id, resident.Name, resident.SexName,
            resident.AgeOn(ChinaTime.Today(clock)), resident.IdNumber, resident.Address, diagnosis is null ? "" : $"{diagnosis.Code} {diagnosis.Name}",
            ChinaTime.FormatDate(visit.VisitDate), managedBy?.Name ?? "", existing?.Id, refusal));
    }
}

/// <summary>Enrols the visit's patient in the programme of her diagnosis; her first follow-up is due at once.</summary>
internal sealed class Enrol(CountyHealthDb db, EnrolmentRules rules, ChronicRecords records, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Created<EnrolmentView>, ValidationProblem, ProblemHttpResult>> HandleAsync(EnrolRequest r, CancellationToken ct)
    {
        var e = FieldErrors.For(r);
        if (e.Any)
        {
            return e.ToProblem();
        }
        var (visit, resident, managedBy, _, refusal) = await rules.ReadAsync(r.VisitId, r.Programme, ct);
        if (visit is null || resident is null || managedBy is null)
        {
            return Problems.NotFound("未找到该就诊记录");
        }
        if (refusal is not null)
        {
            return Problems.Conflict(refusal);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var enrolment = new ChronicEnrolment
        {
            ResidentId = resident.Id,
            InstitutionId = managedBy.Id,
            Programme = r.Programme,
            EnrolledOn = visit.VisitDate,
            DiagnosisCode = visit.Diagnoses.First(d => ChronicRules.ProgrammeOf(d.Code) == r.Programme).Code,
            SourceVisitId = visit.VisitId,
            EnrolledBy = user.FullName,
            NextDueOn = visit.VisitDate,
            CreatedAt = now,
        };
        db.Add(enrolment);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/public-health/enrolments/{enrolment.Id}", await records.ViewAsync(enrolment, null, ct));
    }
}

/// <summary>Ends a management with its date and reason; the patient leaves the due lists and, from that month, the denominators.</summary>
internal sealed class EndEnrolment(CountyHealthDb db, ChronicRecords records, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<EnrolmentView>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid id, EndEnrolmentRequest r, CancellationToken ct)
    {
        if (await records.FindAsync(id, PublicHealthPermissions.Chronic, ct) is not { } enrolment)
        {
            return Problems.NotFound(ChronicRecords.NotFound);
        }
        if (enrolment.Status != EnrolmentStatus.Active)
        {
            return Problems.Conflict("该患者的管理已结案");
        }
        if (r.Version != enrolment.Version)
        {
            return Problems.Conflict(ChronicRecords.Changed);
        }
        var e = FieldErrors.For(r);
        if (string.IsNullOrWhiteSpace(r.Reason))
        {
            e.Add("reason", "请写明结案原因（死亡、迁出、排除诊断）");
        }
        if (r.Date < enrolment.EnrolledOn || r.Date > ChinaTime.Today(clock))
        {
            e.Add("date", $"结案日期应在纳入管理日期（{enrolment.EnrolledOn:yyyy-MM-dd}）与今天之间");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        (enrolment.Status, enrolment.EndedOn, enrolment.EndReason) = (EnrolmentStatus.Ended, r.Date, r.Reason!.Trim());
        enrolment.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict(ChronicRecords.Changed);
        }
        return TypedResults.Ok(await records.ViewAsync(enrolment, null, ct));
    }
}
