using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Reference;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using CountyHealth.PublicHealth.Contracts;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.Residents.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.PublicHealth.Mental;

/// <summary>Registers a resident with a diagnosed severe mental disorder: where and when it was diagnosed, the guardian, consent.</summary>
public sealed record MentalRegistration(Guid ResidentId, MentalDisorder Disorder, [Text(60)] string? DiagnosedAt, DateOnly DiagnosedOn, [Text(30)] string? GuardianName,
    [Text(20)] string? GuardianPhone, bool Consent);

/// <summary>A follow-up: the risk grade (0–5) and the findings the class rests on.</summary>
public sealed record MentalFollowUpRequest(DateOnly Date, FollowUpMode Mode, [Bounds(0, 5)] int RiskGrade, bool MarkedSymptoms, Insight Insight, bool PoorSocialFunction,
    bool AcuteReaction, bool SeriousPhysicalIllness, Adherence Adherence, int Version);

public sealed record MentalFollowUpRow(Guid Id, string Date, string ModeName, int RiskGrade, string ClassName, MentalClass Class, bool Referral, string Advice, string NextDueOn,
    string DoctorName);

public sealed record MentalPatientView(Guid Id, Guid ResidentId, string Name, string SexName, int Age, string? Phone, string? Address, string DisorderName,
    string DiagnosedAt, string DiagnosedOn, string GuardianName, string? GuardianPhone, bool Consent, string InstitutionName, string RegisteredOn, string NextDueOn,
    bool Overdue, string? LastClassName, IReadOnlyList<MentalFollowUpRow> FollowUps, bool CanRecord, int Version);

public sealed record MentalQuery([Text(16)] string? Show, [Bounds(1, 1_000_000)] int? Page, [Bounds(1, 500)] int? PageSize);

public sealed record MentalRow(Guid PatientId, string Name, string SexName, int Age, string? Phone, string DisorderName, string InstitutionName, string? LastClassName,
    int? LastRisk, string NextDueOn, bool Overdue, int DaysOverdue);

/// <summary>Loads a registered patient under the scope rule (sensitive: the programme's own permission for reading too) and shows her.</summary>
internal sealed class MentalPages(CountyHealthDb db, IAccessScope scope, IResidentDirectory residents, IInstitutionDirectory institutions, TimeProvider clock)
{
    public const string NotFound = "未找到该严重精神障碍患者";

    public async Task<MentalPatient?> FindAsync(Guid id, CancellationToken ct)
    {
        var p = await db.Set<MentalPatient>().FirstOrDefaultAsync(x => x.Id == id, ct);
        return p is not null && await scope.AllowsAsync(PublicHealthPermissions.Mental, p.InstitutionId, nameof(MentalPatient), p.Id, p.ResidentId, ct) ? p : null;
    }

    public async Task<MentalPatientView> ViewAsync(MentalPatient p, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var r = (await residents.GetManyAsync([p.ResidentId], ct)).GetValueOrDefault(p.ResidentId);
        var keeper = await institutions.FindAsync(p.InstitutionId, ct);
        var visits = await db.Set<MentalFollowUp>().AsNoTracking().Where(f => f.PatientId == p.Id).OrderByDescending(f => f.Date).ThenByDescending(f => f.RecordedAt).ToListAsync(ct);
        return new MentalPatientView(p.Id, p.ResidentId, r?.Name ?? "", r?.SexName ?? "", r?.AgeOn(today) ?? 0, r?.Phone, r?.Address, MentalRules.DisorderName(p.Disorder),
            p.DiagnosedAt, ChinaTime.FormatDate(p.DiagnosedOn), p.GuardianName, p.GuardianPhone, p.Consent, keeper?.Name ?? "", ChinaTime.FormatDate(p.RegisteredOn),
            ChinaTime.FormatDate(p.NextDueOn), p.Status == EnrolmentStatus.Active && p.NextDueOn < today, p.LastClass is { } c ? MentalRules.ClassName(c) : null,
            visits.Select(f => new MentalFollowUpRow(f.Id, ChinaTime.FormatDate(f.Date), Chronic.ChronicRecords.ModeName(f.Mode), f.RiskGrade, MentalRules.ClassName(f.Class), f.Class,
                f.Referral, f.Advice, ChinaTime.FormatDate(f.NextDueOn), f.DoctorName)).ToList(),
            p.Status == EnrolmentStatus.Active, p.Version);
    }
}

internal sealed class RegisterMentalPatient(CountyHealthDb db, MentalPages pages, IResidentDirectory residents, IAccessScope scope, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Created<MentalPatientView>, ValidationProblem, ProblemHttpResult>> HandleAsync(MentalRegistration r, CancellationToken ct)
    {
        var e = FieldErrors.For(r);
        var today = ChinaTime.Today(clock);
        if (!Enum.IsDefined(r.Disorder))
        {
            e.Add("disorder", "请选择六类严重精神障碍之一");
        }
        if (string.IsNullOrWhiteSpace(r.DiagnosedAt))
        {
            e.Add("diagnosedAt", "请填写确诊医院");
        }
        if (r.DiagnosedOn > today)
        {
            e.Add("diagnosedOn", "确诊日期不能晚于今天");
        }
        if (string.IsNullOrWhiteSpace(r.GuardianName))
        {
            e.Add("guardianName", "请填写监护人");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var resident = (await residents.GetManyAsync([r.ResidentId], ct)).GetValueOrDefault(r.ResidentId);
        if (resident is null || !await scope.AllowsAsync(PublicHealthPermissions.Mental, resident.ManagingInstitutionId, "Resident", resident.Id, resident.Id, ct))
        {
            return Problems.NotFound("未找到该居民");
        }
        if (r.DiagnosedOn < resident.BirthDate)
        {
            return Problems.Field("diagnosedOn", "确诊日期不能早于出生日期");
        }
        if (await db.Set<MentalPatient>().AnyAsync(p => p.ResidentId == resident.Id && p.Status == EnrolmentStatus.Active, ct))
        {
            return Problems.Conflict("该居民已登记在册");
        }
        var patient = new MentalPatient
        {
            ResidentId = resident.Id,
            InstitutionId = resident.ManagingInstitutionId,
            Disorder = r.Disorder,
            DiagnosedAt = r.DiagnosedAt!.Trim(),
            DiagnosedOn = r.DiagnosedOn,
            GuardianName = r.GuardianName!.Trim(),
            GuardianPhone = string.IsNullOrWhiteSpace(r.GuardianPhone) ? null : r.GuardianPhone.Trim(),
            Consent = r.Consent,
            RegisteredOn = today,
            RegisteredBy = user.FullName,
            // The first follow-up is due at once.
            NextDueOn = today,
        };
        db.Add(patient);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/public-health/mental/{patient.Id}", await pages.ViewAsync(patient, ct));
    }
}

internal sealed class GetMentalPatient(MentalPages pages, AuditLog audit) : IUseCase
{
    public async Task<Results<Ok<MentalPatientView>, ProblemHttpResult>> HandleAsync(Guid id, CancellationToken ct)
    {
        if (await pages.FindAsync(id, ct) is not { } p)
        {
            return Problems.NotFound(MentalPages.NotFound);
        }
        await audit.ReadAsync(nameof(MentalPatient), p.Id, p.ResidentId, "严重精神障碍患者管理");
        return TypedResults.Ok(await pages.ViewAsync(p, ct));
    }
}

/// <summary>Records a follow-up, classified by the specification, with its referral and next date.</summary>
internal sealed class RecordMentalFollowUp(CountyHealthDb db, MentalPages pages, ReferenceTable<MentalIntervals> intervals, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Created<MentalPatientView>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid id, MentalFollowUpRequest r, CancellationToken ct)
    {
        if (await pages.FindAsync(id, ct) is not { } p)
        {
            return Problems.NotFound(MentalPages.NotFound);
        }
        if (p.Status != EnrolmentStatus.Active)
        {
            return Problems.Conflict("该患者的管理已结案");
        }
        if (r.Version != p.Version)
        {
            return Problems.Conflict("该记录已被他人修改，请刷新后再操作");
        }
        var e = FieldErrors.For(r);
        if (r.Date < p.RegisteredOn || r.Date > ChinaTime.Today(clock))
        {
            e.Add("date", $"随访日期应在登记日期（{p.RegisteredOn:yyyy-MM-dd}）与今天之间");
        }
        if (!Enum.IsDefined(r.Mode) || !Enum.IsDefined(r.Insight) || !Enum.IsDefined(r.Adherence))
        {
            e.Add("insight", "随访方式、自知力、服药依从性应为表中的选项");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var outcome = MentalRules.Classify(new(r.RiskGrade, r.MarkedSymptoms, r.Insight, r.PoorSocialFunction, r.AcuteReaction, r.SeriousPhysicalIllness, p.LastClass), r.Date, intervals.Current);
        db.Add(new MentalFollowUp
        {
            PatientId = p.Id,
            ResidentId = p.ResidentId,
            InstitutionId = p.InstitutionId,
            Date = r.Date,
            Mode = r.Mode,
            RiskGrade = r.RiskGrade,
            MarkedSymptoms = r.MarkedSymptoms,
            Insight = r.Insight,
            PoorSocialFunction = r.PoorSocialFunction,
            AcuteReaction = r.AcuteReaction,
            SeriousPhysicalIllness = r.SeriousPhysicalIllness,
            Adherence = r.Adherence,
            Class = outcome.Class,
            Referral = outcome.Referral,
            NextDueOn = outcome.NextDueOn,
            Advice = outcome.Advice,
            DoctorName = user.FullName,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        });
        (p.LastRisk, p.LastClass, p.LastFollowUpOn, p.NextDueOn) = (r.RiskGrade, outcome.Class, r.Date, outcome.NextDueOn);
        p.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("该记录已被他人修改，请刷新后再操作");
        }
        return TypedResults.Created($"/api/v1/public-health/mental/{p.Id}", await pages.ViewAsync(p, ct));
    }
}

/// <summary>The registered patients within reach: "due" (overdue or due within 14 days; the default), "overdue", "all".</summary>
internal sealed class ListMentalPatients(CountyHealthDb db, IAccessScope scope, IResidentDirectory residents, IInstitutionDirectory institutions, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<Page<MentalRow>>, ValidationProblem>> HandleAsync(MentalQuery q, CancellationToken ct)
    {
        var e = FieldErrors.For(q);
        if (q.Show is not (null or "due" or "overdue" or "all"))
        {
            e.Add("show", "应为 due、overdue 或 all");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var today = ChinaTime.Today(clock);
        var rows = await scope.WithinAsync(db.Set<MentalPatient>().AsNoTracking().Where(p => p.Status == EnrolmentStatus.Active), PublicHealthPermissions.Mental, p => p.InstitutionId, ct);
        rows = (q.Show ?? "due") switch
        {
            "overdue" => rows.Where(p => p.NextDueOn < today),
            "due" => rows.Where(p => p.NextDueOn <= today.AddDays(14)),
            _ => rows,
        };
        var paging = new Paging(q.Page ?? 1, q.PageSize ?? 100);
        var page = await rows.OrderBy(p => p.NextDueOn).ThenBy(p => p.Id).Skip(paging.Skip).Take(paging.Size + 1).ToListAsync(ct);
        var people = await residents.GetManyAsync(page.Select(p => p.ResidentId), ct);
        var names = (await institutions.ListAsync(ct)).ToDictionary(i => i.Id, i => i.Name);
        await audit.SearchAsync(nameof(MentalPatient), $"严重精神障碍患者随访名单：{q.Show ?? "due"}，{Math.Min(page.Count, paging.Size)} 人");
        return TypedResults.Ok(new Page<MentalRow>(page.Take(paging.Size).Select(p =>
        {
            var r = people.GetValueOrDefault(p.ResidentId);
            var overdue = p.NextDueOn < today;
            return new MentalRow(p.Id, r?.Name ?? "", r?.SexName ?? "", r?.AgeOn(today) ?? 0, r?.Phone, MentalRules.DisorderName(p.Disorder), names.GetValueOrDefault(p.InstitutionId, ""),
                p.LastClass is { } c ? MentalRules.ClassName(c) : null, p.LastRisk, ChinaTime.FormatDate(p.NextDueOn), overdue, overdue ? today.DayNumber - p.NextDueOn.DayNumber : 0);
        }).ToList(), paging.Number, paging.Size, page.Count > paging.Size, null));
    }
}
