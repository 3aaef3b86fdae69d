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

namespace CountyHealth.PublicHealth.Tuberculosis;

/// <summary>The designated TB facility's notice: who, diagnosed where, treatment from when, patient type, sputum, resistance, regimen.</summary>
public sealed record TbRegistration(Guid ResidentId, DateOnly NotifiedOn, [Text(60)] string? DiagnosedAt, DateOnly TreatmentStartedOn, [Bounds(1, 2)] int PatientType,
    [Bounds(1, 3)] int Sputum, [Bounds(1, 3)] int Resistance, [Text(60)] string? Regimen);

/// <summary>A visit: the first home visit chooses the supervisor; each visit records symptoms, missed doses, reactions and complications.</summary>
public sealed record TbVisitRequest(DateOnly Date, FollowUpMode Mode, TbSupervisor Supervisor, IReadOnlyList<string>? Symptoms, [Bounds(0, 999)] int MissedDoses,
    bool AdverseReaction, bool Complication, int Version);

/// <summary>停止治疗 with the course summary of the treatment card: visits due and done, doses due and taken.</summary>
public sealed record TbStopRequest(DateOnly Date, TbStopReason Reason, [Bounds(1, 999)] int VisitsDue, [Bounds(1, 9999)] int DosesDue, [Bounds(0, 9999)] int DosesTaken, int Version);

public sealed record TbQuery([Text(16)] string? Show, Guid? Institution, [Bounds(1, 1_000_000)] int? Page, [Bounds(1, 500)] int? PageSize);

public sealed record TbRow(Guid PatientId, string Name, string SexName, int Age, string? Phone, string InstitutionName, string Type, string? Supervisor, int TreatmentMonth,
    string Phase, string NextDueOn, bool Overdue, int DaysOverdue);

public sealed record TbVisitRow(Guid Id, string Date, string Kind, int TreatmentMonth, string ModeName, string Supervisor, string Symptoms, int MissedDoses, bool Referral,
    string Advice, string NextDueOn, string DoctorName);

public sealed record TbPatientView(Guid Id, Guid ResidentId, string Name, string SexName, int Age, string? Phone, string? Address, string InstitutionName, string NotifiedOn,
    string DiagnosedAt, string TreatmentStartedOn, string Type, string Sputum, string Resistance, string Regimen, string? Supervisor, int TreatmentMonth, string Phase,
    bool FirstVisitDone, string NextDueOn, bool Overdue, string? Stopped, string? Summary, IReadOnlyList<TbVisitRow> Visits, bool CanRecord, int Version);

/// <summary>Loads a TB patient under the scope rule and shows her treatment.</summary>
internal sealed class TbPages(CountyHealthDb db, IAccessScope scope, IResidentDirectory residents, IInstitutionDirectory institutions, TimeProvider clock)
{
    public const string NotFound = "未找到该肺结核患者";

    public async Task<TbPatient?> FindAsync(Guid id, string permission, CancellationToken ct)
    {
        var p = await db.Set<TbPatient>().FirstOrDefaultAsync(x => x.Id == id, ct);
        return p is not null && await scope.AllowsAsync(permission, p.InstitutionId, nameof(TbPatient), p.Id, p.ResidentId, ct) ? p : null;
    }

    public static string Phase(TbPatient p, DateOnly day) =>
        p.Status != EnrolmentStatus.Active ? "已停止治疗" : TbRules.Intensive(p.TreatmentStartedOn, p.PatientType, day) ? "强化期" : "继续期";

    public async Task<TbPatientView> ViewAsync(TbPatient p, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var r = (await residents.GetManyAsync([p.ResidentId], ct)).GetValueOrDefault(p.ResidentId);
        var keeper = await institutions.FindAsync(p.InstitutionId, ct);
        var visits = await db.Set<TbVisit>().AsNoTracking().Where(v => v.PatientId == p.Id).OrderByDescending(v => v.Date).ThenByDescending(v => v.RecordedAt).ToListAsync(ct);
        var active = p.Status == EnrolmentStatus.Active;
        string? summary = p.DosesDue is { } due
            ? $"应访视 {p.VisitsDue} 次，实际访视 {p.VisitsDone} 次；应服药 {due} 次，实际服药 {p.DosesTaken} 次，服药率 {Math.Round(100m * (p.DosesTaken ?? 0) / due, 1)}%"
                + (TbRules.Regular(due, p.DosesTaken ?? 0) ? "（规则服药）" : "（未规则服药）")
            : null;
        return new TbPatientView(p.Id, p.ResidentId, r?.Name ?? "", r?.SexName ?? "", r?.AgeOn(today) ?? 0, r?.Phone, r?.Address, keeper?.Name ?? "",
            ChinaTime.FormatDate(p.NotifiedOn), p.DiagnosedAt, ChinaTime.FormatDate(p.TreatmentStartedOn), TbRules.PatientTypeName(p.PatientType), TbRules.SputumName(p.Sputum),
            p.Resistance switch { 1 => "耐药", 2 => "非耐药", _ => "未检测" }, p.Regimen, p.FirstVisitOn is null ? null : TbRules.SupervisorName(p.Supervisor),
            TbRules.TreatmentMonth(p.TreatmentStartedOn, today), Phase(p, today), p.FirstVisitOn is not null, ChinaTime.FormatDate(p.NextDueOn), active && p.NextDueOn < today,
            p.StoppedOn is { } s ? $"{ChinaTime.FormatDate(s)} {TbRules.StopReasonName(p.StopReason!.Value)}" : null, summary,
            visits.Select(v => new TbVisitRow(v.Id, ChinaTime.FormatDate(v.Date), v.First ? "第一次入户随访" : "随访", v.TreatmentMonth, Chronic.ChronicRecords.ModeName(v.Mode),
                TbRules.SupervisorName(v.Supervisor), v.Symptoms.Length == 0 ? "没有症状" : string.Join("、", v.Symptoms.Split(',').Select(k => TbRules.Symptoms.FirstOrDefault(s => s.Key == k).Name ?? k)),
                v.MissedDoses, v.Referral, v.Advice, ChinaTime.FormatDate(v.NextDueOn), v.DoctorName)).ToList(),
            active && await scope.CoversAsync(PublicHealthPermissions.Tuberculosis, p.InstitutionId, ct), p.Version);
    }

    public static async Task<Results<Created<TbPatientView>, ValidationProblem, ProblemHttpResult>> SaveAsync(CountyHealthDb db, TbPages pages, TbPatient p, CancellationToken ct)
    {
        p.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("该记录已被他人修改，请刷新后再操作");
        }
        return TypedResults.Created($"/api/v1/public-health/tb/{p.Id}", await pages.ViewAsync(p, ct));
    }
}

internal sealed class RegisterTbPatient(CountyHealthDb db, TbPages pages, IResidentDirectory residents, IAccessScope scope, ReferenceTable<TbIntervals> intervals,
    ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Created<TbPatientView>, ValidationProblem, ProblemHttpResult>> HandleAsync(TbRegistration r, CancellationToken ct)
    {
        var resident = (await residents.GetManyAsync([r.ResidentId], ct)).GetValueOrDefault(r.ResidentId);
        if (resident is null || !await scope.AllowsAsync(PublicHealthPermissions.Tuberculosis, resident.ManagingInstitutionId, "Resident", resident.Id, resident.Id, ct))
        {
            return Problems.NotFound("未找到该居民");
        }
        var e = FieldErrors.For(r);
        var today = ChinaTime.Today(clock);
        e.Require("diagnosedAt", r.DiagnosedAt, "确诊的定点医疗机构", 60);
        e.Require("regimen", r.Regimen, "化疗方案（如 2HRZE/4HR）", 60);
        if (r.NotifiedOn > today || r.NotifiedOn < resident.BirthDate)
        {
            e.Add("notifiedOn", "通知日期应在出生之后且不晚于今天");
        }
        if (r.TreatmentStartedOn > r.NotifiedOn.AddDays(30) || r.TreatmentStartedOn < r.NotifiedOn.AddYears(-1) || r.TreatmentStartedOn < resident.BirthDate)
        {
            e.Add("treatmentStartedOn", "开始治疗日期应在通知日期前一年至后30天之内");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        if (await db.Set<TbPatient>().AnyAsync(p => p.ResidentId == resident.Id && p.Status == EnrolmentStatus.Active, ct))
        {
            return Problems.Conflict("该居民正在肺结核治疗管理中");
        }
        var patient = new TbPatient
        {
            ResidentId = resident.Id,
            InstitutionId = resident.ManagingInstitutionId,
            NotifiedOn = r.NotifiedOn,
            DiagnosedAt = r.DiagnosedAt!.Trim(),
            TreatmentStartedOn = r.TreatmentStartedOn,
            PatientType = r.PatientType,
            Sputum = r.Sputum,
            Resistance = r.Resistance,
            Regimen = r.Regimen!.Trim(),
            RegisteredBy = user.FullName,
            // The first home visit within 72 hours of the notice.
            NextDueOn = r.NotifiedOn.AddDays(intervals.Current.FirstVisitDays),
        };
        db.Add(patient);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/public-health/tb/{patient.Id}", await pages.ViewAsync(patient, ct));
    }
}

internal sealed class GetTbPatient(TbPages pages, AuditLog audit) : IUseCase
{
    public async Task<Results<Ok<TbPatientView>, ProblemHttpResult>> HandleAsync(Guid id, CancellationToken ct)
    {
        if (await pages.FindAsync(id, PublicHealthPermissions.Tuberculosis, ct) is not { } p)
        {
            return Problems.NotFound(TbPages.NotFound);
        }
        await audit.ReadAsync(nameof(TbPatient), p.Id, p.ResidentId, "肺结核患者健康管理");
        return TypedResults.Ok(await pages.ViewAsync(p, ct));
    }
}

/// <summary>Records the first home visit (it sets the supervisor) or a follow-up; the next date follows the supervisor and the phase.</summary>
internal sealed class RecordTbVisit(CountyHealthDb db, TbPages pages, ReferenceTable<TbIntervals> intervals, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Created<TbPatientView>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid id, TbVisitRequest r, CancellationToken ct)
    {
        if (await pages.FindAsync(id, PublicHealthPermissions.Tuberculosis, ct) is not { } p)
        {
            return Problems.NotFound(TbPages.NotFound);
        }
        if (p.Status != EnrolmentStatus.Active)
        {
            return Problems.Conflict("该患者已停止治疗");
        }
        if (r.Version != p.Version)
        {
            return Problems.Conflict("该记录已被他人修改，请刷新后再操作");
        }
        var e = FieldErrors.For(r);
        if (r.Date < p.NotifiedOn || r.Date > ChinaTime.Today(clock))
        {
            e.Add("date", $"随访日期应在通知日期（{ChinaTime.FormatDate(p.NotifiedOn)}）与今天之间");
        }
        if (!Enum.IsDefined(r.Mode) || !Enum.IsDefined(r.Supervisor))
        {
            e.Add("supervisor", "随访方式、督导人员应为表中的选项");
        }
        if ((r.Symptoms ?? []).FirstOrDefault(s => TbRules.Symptoms.All(t => t.Key != s)) is { } unknown)
        {
            e.Add("symptoms", $"表中没有这个症状：{unknown}");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var first = p.FirstVisitOn is null;
        var t = intervals.Current;
        var outcome = TbRules.Assess(r.Supervisor, TbRules.Intensive(p.TreatmentStartedOn, p.PatientType, r.Date), r.MissedDoses, r.AdverseReaction, r.Complication, r.Date, t);
        db.Add(new TbVisit
        {
            PatientId = p.Id,
            ResidentId = p.ResidentId,
            InstitutionId = p.InstitutionId,
            First = first,
            Date = r.Date,
            TreatmentMonth = TbRules.TreatmentMonth(p.TreatmentStartedOn, r.Date),
            Mode = r.Mode,
            Supervisor = r.Supervisor,
            Symptoms = string.Join(",", TbRules.Symptoms.Select(s => s.Key).Where(k => (r.Symptoms ?? []).Contains(k))),
            MissedDoses = r.MissedDoses,
            AdverseReaction = r.AdverseReaction,
            Complication = r.Complication,
            Referral = outcome.Referral,
            Advice = first && r.Date > p.NotifiedOn.AddDays(t.FirstVisitDays) ? $"第一次入户随访超过{t.FirstVisitDays * 24}小时；" + outcome.Advice : outcome.Advice,
            NextDueOn = outcome.NextDueOn,
            DoctorName = user.FullName,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        });
        (p.Supervisor, p.FirstVisitOn, p.LastVisitOn, p.NextDueOn) = (r.Supervisor, p.FirstVisitOn ?? r.Date, r.Date, outcome.NextDueOn);
        return await TbPages.SaveAsync(db, pages, p, ct);
    }
}

/// <summary>Stops the treatment with its reason and the course summary; the visits done are counted from the records.</summary>
internal sealed class StopTbTreatment(CountyHealthDb db, TbPages pages, TimeProvider clock) : IUseCase
{
    public async Task<Results<Created<TbPatientView>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid id, TbStopRequest r, CancellationToken ct)
    {
        if (await pages.FindAsync(id, PublicHealthPermissions.Tuberculosis, ct) is not { } p)
        {
            return Problems.NotFound(TbPages.NotFound);
        }
        if (p.Status != EnrolmentStatus.Active)
        {
            return Problems.Conflict("该患者已停止治疗");
        }
        if (r.Version != p.Version)
        {
            return Problems.Conflict("该记录已被他人修改，请刷新后再操作");
        }
        var e = FieldErrors.For(r);
        if (r.Date < p.TreatmentStartedOn || r.Date > ChinaTime.Today(clock))
        {
            e.Add("date", $"停止治疗日期应在开始治疗（{ChinaTime.FormatDate(p.TreatmentStartedOn)}）与今天之间");
        }
        if (!Enum.IsDefined(r.Reason))
        {
            e.Add("reason", "停止治疗原因应为完成疗程、死亡、丢失或转入耐多药治疗");
        }
        if (r.DosesTaken > r.DosesDue)
        {
            e.Add("dosesTaken", "实际服药次数不能多于应服药次数");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var done = await db.Set<TbVisit>().CountAsync(v => v.PatientId == p.Id, ct);
        (p.Status, p.StoppedOn, p.StopReason, p.VisitsDue, p.VisitsDone, p.DosesDue, p.DosesTaken) =
            (EnrolmentStatus.Ended, r.Date, r.Reason, r.VisitsDue, done, r.DosesDue, r.DosesTaken);
        return await TbPages.SaveAsync(db, pages, p, ct);
    }
}

/// <summary>The TB patients under treatment within reach: "due" (overdue or due within 7 days; the default), "overdue", "all".</summary>
internal sealed class ListTbPatients(CountyHealthDb db, IAccessScope scope, IResidentDirectory residents, IInstitutionDirectory institutions, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<Page<TbRow>>, ValidationProblem, ProblemHttpResult>> HandleAsync(TbQuery q, CancellationToken ct)
    {
        var (e, list) = await scope.OpenListAsync(q, q.Show, ["due", "overdue", "all"], PublicHealthPermissions.Tuberculosis, q.Institution, ct);
        if (e.Any)
        {
            return e.ToProblem();
        }
        if (list.Beyond)
        {
            return Problems.NotFound(ListReach.BeyondMessage);
        }
        var within = list.Within;
        var today = ChinaTime.Today(clock);
        var soon = today.AddDays(7);
        var rows = db.Set<TbPatient>().AsNoTracking().Where(p => p.Status == EnrolmentStatus.Active && within.Contains(p.InstitutionId));
        rows = (q.Show ?? "due") switch
        {
            "overdue" => rows.Where(p => p.NextDueOn < today),
            "due" => rows.Where(p => p.NextDueOn <= soon),
            _ => rows,
        };
        var paging = new Paging(q.Page ?? 1, q.PageSize ?? 100);
        var page = await rows.OrderBy(p => p.NextDueOn).ThenBy(p => p.Id).Skip(paging.Skip).Take(paging.Size + 1).ToListAsync(ct);
        var people = await residents.GetManyAsync(page.Select(p => p.ResidentId), ct);
        var names = (await institutions.ListAsync(ct)).ToDictionary(i => i.Id, i => i.Name);
        await audit.SearchAsync(nameof(TbPatient), $"肺结核患者随访名单：{q.Show ?? "due"}，{Math.Min(page.Count, paging.Size)} 人");
        return TypedResults.Ok(new Page<TbRow>(page.Take(paging.Size).Select(p =>
        {
            var r = people.GetValueOrDefault(p.ResidentId);
            var overdue = p.NextDueOn < today;
            return new TbRow(p.Id, r?.Name ?? "", r?.SexName ?? "", r?.AgeOn(today) ?? 0, r?.Phone, names.GetValueOrDefault(p.InstitutionId, ""), TbRules.PatientTypeName(p.PatientType),
                p.FirstVisitOn is null ? null : TbRules.SupervisorName(p.Supervisor), TbRules.TreatmentMonth(p.TreatmentStartedOn, today), TbPages.Phase(p, today),
                ChinaTime.FormatDate(p.NextDueOn), overdue, overdue ? today.DayNumber - p.NextDueOn.DayNumber : 0);
        }).ToList(), paging.Number, paging.Size, page.Count > paging.Size, null));
    }
}
