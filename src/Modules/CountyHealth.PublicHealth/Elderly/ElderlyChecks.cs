using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
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

namespace CountyHealth.PublicHealth.Elderly;

/// <summary>The residents of 65 and over within reach: "due" (no complete check this calendar year; the default), "done", "all".</summary>
public sealed record ElderlyQuery([Text(16)] string? Show, Guid? Institution, [Text(40)] string? Q, [Bounds(1, 1_000_000)] int? Page, [Bounds(1, 500)] int? PageSize);

public sealed record ElderlyRow(Guid ResidentId, string Name, string SexName, int Age, string? Phone, string? Address, string InstitutionName, string? LastCheck, bool DoneThisYear);

public sealed record ElderlyCheckRow(Guid Id, string Date, int SelfCareScore, string SelfCareGrade, string BloodPressure, decimal HeightCm, decimal WeightKg, decimal Bmi,
    decimal? FastingGlucose, string Cognition, string Mood, string Tests, string Guidance, bool Complete, string DoctorName);

/// <summary>An older resident's annual health management: her checks, newest first, and whether this year's is done.</summary>
public sealed record ElderlyView(Guid ResidentId, string Name, string SexName, int Age, string? IdNumber, string? Phone, string? Address, string InstitutionName,
    bool HasRecord, IReadOnlyList<ElderlyCheckRow> Checks, bool DoneThisYear, bool CanRecord);

/// <summary>
/// The annual check: the five self-care item scores (the form's columns), blood pressure, height, weight, optional waist
/// and fasting glucose, the two rough screens (with MMSE or GDS when positive), the tests done and the guidance given.
/// </summary>
public sealed record ElderlyCheckRequest(DateOnly Date, int Eating, int Grooming, int Dressing, int Toileting, int Mobility, int? SystolicBp, int? DiastolicBp,
    decimal? HeightCm, decimal? WeightKg, decimal? WaistCm, decimal? FastingGlucose, ScreenResult Cognition, int? MmseScore, ScreenResult Mood, int? GdsScore,
    IReadOnlyList<string>? TestsDone, IReadOnlyList<string>? Guidance);

/// <summary>Loads an older resident under the scope rule and shows her checks.</summary>
internal sealed class ElderlyPages(CountyHealthDb db, IAccessScope scope, IResidentDirectory residents, IInstitutionDirectory institutions, TimeProvider clock)
{
    public const string NotFound = "未找到该居民";

    public async Task<ResidentSummary?> FindAsync(Guid residentId, string permission, CancellationToken ct)
    {
        var r = (await residents.GetManyAsync([residentId], ct)).GetValueOrDefault(residentId);
        return r is not null && await scope.AllowsAsync(permission, r.ManagingInstitutionId, "Resident", r.Id, r.Id, ct) ? r : null;
    }

    public static decimal Bmi(decimal heightCm, decimal weightKg) => heightCm <= 0 ? 0 : Math.Round(weightKg / (heightCm / 100 * (heightCm / 100)), 1);

    private static string Names(string keys, IReadOnlyList<(string Key, string Name)> table) =>
        string.Join("、", keys.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(k => table.FirstOrDefault(t => t.Key == k).Name ?? k));

    private static string Screen(ScreenResult r, int? score, string scale) => r == ScreenResult.Negative ? "粗筛阴性" : $"粗筛阳性（{scale} {score}分）";

    public async Task<ElderlyView> ViewAsync(ResidentSummary r, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var checks = await db.Set<ElderlyCheck>().AsNoTracking().Where(c => c.ResidentId == r.Id).OrderByDescending(c => c.Date).ThenByDescending(c => c.RecordedAt).ToListAsync(ct);
        var hasRecord = await db.Set<HealthRecord>().AnyAsync(h => h.ResidentId == r.Id && h.Status == RecordStatus.Active, ct);
        var keeper = await institutions.FindAsync(r.ManagingInstitutionId, ct);
        return new ElderlyView(r.Id, r.Name, r.SexName, r.AgeOn(today), r.IdNumber, r.Phone, r.Address, keeper?.Name ?? "", hasRecord,
            checks.Select(c => new ElderlyCheckRow(c.Id, ChinaTime.FormatDate(c.Date), c.SelfCareScore, ElderlyRules.GradeName(c.SelfCareGrade), $"{c.SystolicBp}/{c.DiastolicBp}",
                c.HeightCm, c.WeightKg, Bmi(c.HeightCm, c.WeightKg), c.FastingGlucose, Screen(c.Cognition, c.MmseScore, "MMSE"), Screen(c.Mood, c.GdsScore, "GDS"),
                Names(c.TestsDone, ElderlyRules.Tests), Names(c.Guidance, ElderlyRules.Guidance), c.Complete, c.DoctorName)).ToList(),
            checks.Any(c => c.Complete && c.Date.Year == today.Year), await scope.CoversAsync(PublicHealthPermissions.Elderly, r.ManagingInstitutionId, ct));
    }
}

internal sealed class GetElderly(ElderlyPages pages, AuditLog audit) : IUseCase
{
    public async Task<Results<Ok<ElderlyView>, ProblemHttpResult>> HandleAsync(Guid residentId, CancellationToken ct)
    {
        if (await pages.FindAsync(residentId, PublicHealthPermissions.Read, ct) is not { } r)
        {
            return Problems.NotFound(ElderlyPages.NotFound);
        }
        await audit.ReadAsync("Resident", r.Id, r.Id, "老年人健康管理");
        return TypedResults.Ok(await pages.ViewAsync(r, ct));
    }
}

/// <summary>Records an annual check; the scale is scored and graded, impossible figures are refused, nothing is saved on an error.</summary>
internal sealed class RecordElderlyCheck(CountyHealthDb db, ElderlyPages pages, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Created<ElderlyView>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid residentId, ElderlyCheckRequest r, CancellationToken ct)
    {
        if (await pages.FindAsync(residentId, PublicHealthPermissions.Elderly, ct) is not { } resident)
        {
            return Problems.NotFound(ElderlyPages.NotFound);
        }
        var e = FieldErrors.For(r);
        var today = ChinaTime.Today(clock);
        if (resident.AgeOn(r.Date) < ElderlyRules.MinimumAge)
        {
            e.Add("date", $"老年人健康管理的对象为{ElderlyRules.MinimumAge}岁及以上居民（该居民在体检日{resident.AgeOn(r.Date)}岁）");
        }
        if (r.Date > today || r.Date < today.AddYears(-1))
        {
            e.Add("date", "体检日期应在一年内且不晚于今天");
        }
        foreach (var (key, value) in new[] { ("eating", r.Eating), ("grooming", r.Grooming), ("dressing", r.Dressing), ("toileting", r.Toileting), ("mobility", r.Mobility) })
        {
            if (!ElderlyRules.ItemScores[key].Contains(value))
            {
                e.Add(key, $"{ElderlyRules.ItemNames[key]}的评分只能是 {string.Join("、", ElderlyRules.ItemScores[key])}");
            }
        }
        Range(e, "systolicBp", r.SystolicBp, 60, 280, "收缩压", "mmHg", required: true);
        Range(e, "diastolicBp", r.DiastolicBp, 30, 160, "舒张压", "mmHg", required: true);
        if (r.SystolicBp is { } s && r.DiastolicBp is { } d && d >= s)
        {
            e.Add("diastolicBp", "舒张压应低于收缩压");
        }
        Range(e, "heightCm", r.HeightCm, 100, 220, "身高", "cm", required: true);
        Range(e, "weightKg", r.WeightKg, 25, 200, "体重", "kg", required: true);
        Range(e, "waistCm", r.WaistCm, 40, 180, "腰围", "cm", required: false);
        Range(e, "fastingGlucose", r.FastingGlucose, 1, 35, "空腹血糖", "mmol/L", required: false);
        Screen(e, "mmseScore", r.Cognition, r.MmseScore, 30, "认知功能粗筛阳性时请填写简易智力状态检查（MMSE）总分");
        Screen(e, "gdsScore", r.Mood, r.GdsScore, 30, "情感状态粗筛阳性时请填写老年抑郁量表（GDS）总分");
        var tests = (r.TestsDone ?? []).Distinct(StringComparer.Ordinal).ToList();
        var guidance = (r.Guidance ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (tests.FirstOrDefault(t => ElderlyRules.Tests.All(x => x.Key != t)) is { } unknownTest)
        {
            e.Add("testsDone", $"没有这项辅助检查：{unknownTest}");
        }
        if (guidance.FirstOrDefault(g => ElderlyRules.Guidance.All(x => x.Key != g)) is { } unknownGuidance)
        {
            e.Add("guidance", $"没有这项健康指导：{unknownGuidance}");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var total = r.Eating + r.Grooming + r.Dressing + r.Toileting + r.Mobility;
        db.Add(new ElderlyCheck
        {
            ResidentId = resident.Id,
            InstitutionId = resident.ManagingInstitutionId,
            Date = r.Date,
            Eating = r.Eating,
            Grooming = r.Grooming,
            Dressing = r.Dressing,
            Toileting = r.Toileting,
            Mobility = r.Mobility,
            SelfCareScore = total,
            SelfCareGrade = ElderlyRules.Grade(total),
            SystolicBp = r.SystolicBp!.Value,
            DiastolicBp = r.DiastolicBp!.Value,
            HeightCm = r.HeightCm!.Value,
            WeightKg = r.WeightKg!.Value,
            WaistCm = r.WaistCm,
            FastingGlucose = r.FastingGlucose,
            Cognition = r.Cognition,
            MmseScore = r.Cognition == ScreenResult.Positive ? r.MmseScore : null,
            Mood = r.Mood,
            GdsScore = r.Mood == ScreenResult.Positive ? r.GdsScore : null,
            TestsDone = string.Join(",", ElderlyRules.Tests.Select(t => t.Key).Where(tests.Contains)),
            Guidance = string.Join(",", ElderlyRules.Guidance.Select(g => g.Key).Where(guidance.Contains)),
            Complete = ElderlyRules.IsComplete(tests, guidance),
            DoctorName = user.FullName,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/public-health/elderly/{resident.Id}", await pages.ViewAsync(resident, ct));
    }

    private static void Range<T>(FieldErrors e, string field, T? value, T min, T max, string name, string unit, bool required) where T : struct, IComparable<T>
    {
        if (value is not { } v)
        {
            if (required)
            {
                e.Add(field, $"请填写{name}");
            }
        }
        else if (v.CompareTo(min) < 0 || v.CompareTo(max) > 0)
        {
            e.Add(field, $"{name}应在 {min}–{max} {unit} 之间");
        }
    }

    private static void Screen(FieldErrors e, string field, ScreenResult result, int? score, int max, string missing)
    {
        if (!Enum.IsDefined(result))
        {
            e.Add(field, "粗筛结果应为阴性或阳性");
        }
        else if (result == ScreenResult.Positive && score is null)
        {
            e.Add(field, missing);
        }
        else if (score is < 0 || score > max)
        {
            e.Add(field, $"量表总分应在 0–{max} 之间");
        }
    }
}

/// <summary>The older residents of the clinics within reach, those without this year's complete check first.</summary>
internal sealed class ListElderly(CountyHealthDb db, IAccessScope scope, IResidentDirectory residents, IInstitutionDirectory institutions, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<Page<ElderlyRow>>, ValidationProblem, ProblemHttpResult>> HandleAsync(ElderlyQuery q, CancellationToken ct)
    {
        var (e, list) = await scope.OpenListAsync(q, q.Show, ["due", "done", "all"], PublicHealthPermissions.Read, q.Institution, ct);
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
        var january = new DateOnly(today.Year, 1, 1);
        var people = residents.BornBetween(DateOnly.MinValue, today.AddYears(-ElderlyRules.MinimumAge)).Where(p => within.Contains(p.ManagingInstitutionId));
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var found = residents.MatchingResidentIds(q.Q);
            people = people.Where(p => found.Contains(p.Id));
        }
        var checks = db.Set<ElderlyCheck>().AsNoTracking();
        var rows = people.Select(p => new
        {
            p.Id,
            p.ManagingInstitutionId,
            p.BirthDate,
            Last = checks.Where(c => c.ResidentId == p.Id).Max(c => (DateOnly?)c.Date),
            Done = checks.Any(c => c.ResidentId == p.Id && c.Complete && c.Date >= january),
        });
        rows = (q.Show ?? "due") switch
        {
            "due" => rows.Where(x => !x.Done),
            "done" => rows.Where(x => x.Done),
            _ => rows,
        };
        var paging = new Paging(q.Page ?? 1, q.PageSize ?? 100);
        var page = await rows.OrderBy(x => x.Done).ThenBy(x => x.Last).ThenBy(x => x.BirthDate).ThenBy(x => x.Id).Skip(paging.Skip).Take(paging.Size + 1).ToListAsync(ct);
        var summaries = await residents.GetManyAsync(page.Select(x => x.Id), ct);
        var names = (await institutions.ListAsync(ct)).ToDictionary(i => i.Id, i => i.Name);
        await audit.SearchAsync(nameof(ElderlyCheck), $"老年人健康管理名单：{q.Show ?? "due"}，{Math.Min(page.Count, paging.Size)} 人");
        return TypedResults.Ok(new Page<ElderlyRow>(page.Take(paging.Size).Select(x =>
        {
            var r = summaries.GetValueOrDefault(x.Id);
            return new ElderlyRow(x.Id, r?.Name ?? "", r?.SexName ?? "", r?.AgeOn(today) ?? 0, r?.Phone, r?.Address, names.GetValueOrDefault(x.ManagingInstitutionId, ""),
                x.Last is { } l ? ChinaTime.FormatDate(l) : null, x.Done);
        }).ToList(), paging.Number, paging.Size, page.Count > paging.Size, null));
    }
}
