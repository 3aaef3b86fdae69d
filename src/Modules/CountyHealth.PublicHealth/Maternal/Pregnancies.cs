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

namespace CountyHealth.PublicHealth.Maternal;

/// <summary>
/// 建册 with the first antenatal check: the dating (the last period, or the due date when the period is not known), the
/// obstetric history, the measurements, the three screens (HBsAg, syphilis, HIV), the abnormal exam items, guidance, referral.
/// </summary>
public sealed record PregnancyRegistration(Guid ResidentId, DateOnly Date, DateOnly? LastPeriod, DateOnly? DueDate, [Bounds(1, 20)] int Gravidity,
    [Bounds(0, 20)] int VaginalBirths, [Bounds(0, 10)] int Caesareans, [Text(30)] string? HusbandName, [Text(20)] string? HusbandPhone, decimal? HeightCm,
    decimal? WeightKg, int? SystolicBp, int? DiastolicBp, int? Haemoglobin, bool HbsAgPositive, bool SyphilisPositive, bool HivPositive,
    IReadOnlyList<string>? AbnormalItems, IReadOnlyList<string>? Guidance, bool Referral, [Text(200)] string? ReferralReason);

/// <summary>第2～5次产前随访: the obstetric exam and the measurements; <paramref name="OtherAbnormal"/> is the doctor's 异常 for what the figures do not show.</summary>
public sealed record AntenatalVisitRequest(DateOnly Date, decimal? WeightKg, int? SystolicBp, int? DiastolicBp, int? Haemoglobin, decimal? FundalHeightCm,
    int? FetalHeartRate, bool OtherAbnormal, IReadOnlyList<string>? Guidance, bool Referral, [Text(200)] string? ReferralReason, int Version);

/// <summary>The delivery as the hospital's notice gives it: day, discharge, where, how, live births.</summary>
public sealed record DeliveryRequest(DateOnly DeliveredOn, DateOnly DischargedOn, [Text(60)] string? DeliveredAt, DeliveryMode Mode, [Bounds(0, 4)] int LiveBirths, int Version);

/// <summary>The postpartum visit (<see cref="MaternalContact.Postpartum"/>) or the 42-day check (<see cref="MaternalContact.Check42"/>).</summary>
public sealed record PostpartumRequest(MaternalContact Contact, DateOnly Date, decimal? TemperatureC, int? SystolicBp, int? DiastolicBp,
    IReadOnlyList<string>? AbnormalItems, IReadOnlyList<string>? Guidance, bool Referral, [Text(200)] string? ReferralReason, int Version);

/// <summary>A pregnancy ends outside the schedule: 流产、引产 before 28 weeks, or the woman moves away or dies.</summary>
public sealed record EndPregnancyRequest(DateOnly Date, [Text(60)] string? Reason, int Version);

public sealed record MaternalQuery([Text(16)] string? Show, Guid? Institution, [Bounds(1, 1_000_000)] int? Page, [Bounds(1, 500)] int? PageSize);

public sealed record MaternalRow(Guid PregnancyId, string Name, int Age, string? Phone, string InstitutionName, string StatusName, string? GestationToday, string DueDate,
    string NextContact, string? NextDueOn, string? NextDueBy, bool Overdue, int DaysOverdue, bool HighRisk);

public sealed record MaternalVisitRow(Guid Id, MaternalContact Contact, string Name, string Date, string? Gestation, string? BloodPressure, int? Haemoglobin, string Measures,
    string AbnormalItems, bool Abnormal, string Classification, string Guidance, bool Referral, string? ReferralReason, string DoctorName);

public sealed record PregnancyView(Guid Id, Guid ResidentId, string Name, int Age, string? Phone, string? Address, string InstitutionName, PregnancyStatus Status,
    string StatusName, string? LastPeriod, string DueDate, string RegisteredOn, string GestationAtRegistration, bool Early, string? GestationToday, int Gravidity,
    int VaginalBirths, int Caesareans, string? HusbandName, string? HusbandPhone, string Screening, bool HighRisk, string? Delivery, string NextContact, string? NextDueOn,
    string? NextDueBy, bool Overdue, IReadOnlyList<MaternalVisitRow> Visits, bool CanRecord, int Version, int? LiveBirths, IReadOnlyList<NewbornRow> Newborns,
    bool CanRegisterNewborn);

/// <summary>A baby of the delivery as the mother's page lists it, with its own records one click away.</summary>
public sealed record NewbornRow(Guid ResidentId, string Name, string SexName, string BirthDate);

/// <summary>Loads a pregnancy under the scope rule, shows it, and keeps its schedule.</summary>
internal sealed class MaternalPages(CountyHealthDb db, IAccessScope scope, IResidentDirectory residents, IInstitutionDirectory institutions, ReferenceTable<MaternalSchedule> table,
    TimeProvider clock)
{
    public const string NotFound = "未找到该孕产妇";

    /// <summary>The windows and thresholds in force.</summary>
    public MaternalSchedule Schedule => table.Current;

    /// <summary>What the first check marks abnormal: the exam items and the figures' findings.</summary>
    public IReadOnlyList<(string Key, string Name)> FirstCheckTable => [.. MaternalRules.FirstCheckItems, .. Schedule.Findings];
    public const string Changed = "该记录已被他人修改，请刷新后再操作";

    public async Task<Pregnancy?> FindAsync(Guid id, string permission, CancellationToken ct)
    {
        var p = await db.Set<Pregnancy>().FirstOrDefaultAsync(x => x.Id == id, ct);
        return p is not null && await scope.AllowsAsync(permission, p.InstitutionId, nameof(Pregnancy), p.Id, p.ResidentId, ct) ? p : null;
    }

    /// <summary>Sets the next contact and its window from where the pregnancy stands.</summary>
    public static void Reschedule(Pregnancy p, IEnumerable<MaternalVisit> visits, MaternalSchedule schedule)
    {
        var all = visits.ToList();
        var next = p.Status switch
        {
            PregnancyStatus.Antenatal => schedule.NextAntenatal(p.DueDate,
                all.Where(v => v.Contact is MaternalContact.FirstAntenatal or MaternalContact.Antenatal).Select(v => v.GestationDays ?? 0).DefaultIfEmpty(p.GestationDaysAtRegistration).Max()),
            PregnancyStatus.Delivered => schedule.NextAfterDelivery(p.DeliveredOn!.Value, p.DischargedOn!.Value, all.Any(v => v.Contact == MaternalContact.Postpartum)),
            PregnancyStatus.Closed => new MaternalRules.Next("已结案", null, null),
            _ => new MaternalRules.Next("已终止管理", null, null),
        };
        (p.NextContact, p.NextDueOn, p.NextDueBy, p.Contacts) = (next.Name, next.From, next.By, all.Count);
    }

    private static string Names(string keys, IReadOnlyList<(string Key, string Name)> table) =>
        string.Join("、", keys.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(k => table.FirstOrDefault(t => t.Key == k).Name ?? k));

    private static string Measures(MaternalVisit v) => string.Join("，", new[]
    {
        v.WeightKg is { } w ? $"体重 {w} kg" : null,
        v.FundalHeightCm is { } f ? $"宫底 {f} cm" : null,
        v.FetalHeartRate is { } h ? $"胎心 {h} 次/分" : null,
        v.TemperatureC is { } t ? $"体温 {t} ℃" : null,
    }.Where(x => x is not null));

    public static string Classification(MaternalVisit v) => v.Contact == MaternalContact.Check42 ? (v.Abnormal ? "未恢复" : "已恢复") : (v.Abnormal ? "异常" : "未见异常");

    public async Task<PregnancyView> ViewAsync(Pregnancy p, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var r = (await residents.GetManyAsync([p.ResidentId], ct)).GetValueOrDefault(p.ResidentId);
        var keeper = await institutions.FindAsync(p.InstitutionId, ct);
        var visits = await db.Set<MaternalVisit>().AsNoTracking().Where(v => v.PregnancyId == p.Id).OrderByDescending(v => v.Date).ThenByDescending(v => v.RecordedAt).ToListAsync(ct);
        var screening = string.Join("，", new[] { ("乙肝表面抗原", p.HbsAgPositive), ("梅毒", p.SyphilisPositive), ("HIV抗体", p.HivPositive) }
            .Select(s => $"{s.Item1}{(s.Item2 ? "阳性" : "阴性")}"));
        var open = p.Status is PregnancyStatus.Antenatal or PregnancyStatus.Delivered;
        var covers = await scope.CoversAsync(PublicHealthPermissions.Maternal, p.InstitutionId, ct);
        var babyIds = await db.Set<PregnancyNewborn>().AsNoTracking().Where(n => n.PregnancyId == p.Id).OrderBy(n => n.RegisteredAt).Select(n => n.ResidentId).ToListAsync(ct);
        var babies = await residents.GetManyAsync(babyIds, ct);
        var newborns = babyIds.Where(babies.ContainsKey).Select(id => babies[id])
            .Select(b => new NewbornRow(b.Id, b.Name, b.SexName, ChinaTime.FormatDate(b.BirthDate))).ToList();
        return new PregnancyView(p.Id, p.ResidentId, r?.Name ?? "", r?.AgeOn(today) ?? 0, r?.Phone, r?.Address, keeper?.Name ?? "", p.Status, MaternalRules.StatusName(p.Status),
            p.LastPeriod is { } lmp ? ChinaTime.FormatDate(lmp) : null, ChinaTime.FormatDate(p.DueDate), ChinaTime.FormatDate(p.RegisteredOn),
            MaternalRules.Weeks(p.GestationDaysAtRegistration), MaternalRules.Early(p.GestationDaysAtRegistration),
            p.Status == PregnancyStatus.Antenatal ? MaternalRules.Weeks(MaternalRules.GestationDays(p.DueDate, today)) : null,
            p.Gravidity, p.VaginalBirths, p.Caesareans, p.HusbandName, p.HusbandPhone, screening, p.HighRisk,
            p.DeliveredOn is { } d
                ? $"{ChinaTime.FormatDate(d)} 于{p.DeliveredAt}{MaternalRules.DeliveryModeName(p.DeliveryMode ?? DeliveryMode.Vaginal)}，活产 {p.LiveBirths} 人，{ChinaTime.FormatDate(p.DischargedOn!.Value)} 出院"
                : null,
            p.NextContact, p.NextDueOn is { } from ? ChinaTime.FormatDate(from) : null, p.NextDueBy is { } by ? ChinaTime.FormatDate(by) : null,
            open && p.NextDueBy < today,
            visits.Select(v => new MaternalVisitRow(v.Id, v.Contact, MaternalRules.ContactName(v.Contact, v.Number), ChinaTime.FormatDate(v.Date),
                v.GestationDays is { } g ? MaternalRules.Weeks(g) : null, v.SystolicBp is { } s ? $"{s}/{v.DiastolicBp}" : null, v.Haemoglobin, Measures(v),
                Names(v.AbnormalItems, v.Contact switch
                {
                    MaternalContact.FirstAntenatal => FirstCheckTable,
                    MaternalContact.Antenatal => Schedule.Findings,
                    _ => MaternalRules.PostpartumItems,
                }), v.Abnormal, Classification(v),
                Names(v.Guidance, MaternalRules.GuidanceOf(v.Contact)), v.Referral, v.ReferralReason, v.DoctorName)).ToList(),
            open && covers, p.Version, p.LiveBirths, newborns, covers && RegisterNewborn.MayRegister(p, newborns.Count));
    }

    /// <summary>The checks every maternal form shares: blood pressure, referral reason, the codes of guidance and abnormal items.</summary>
    public static void CheckCommon(FieldErrors e, MaternalContact contact, int? systolic, int? diastolic, bool bpRequired, bool referral, string? reason,
        IReadOnlyList<string>? guidance, IReadOnlyList<string>? abnormal, IReadOnlyList<(string Key, string Name)>? items)
    {
        if (bpRequired && (systolic is null || diastolic is null))
        {
            e.Add(systolic is null ? "systolicBp" : "diastolicBp", "请填写血压");
        }
        e.Range("systolicBp", systolic, 60, 260, "收缩压", " mmHg");
        e.Range("diastolicBp", diastolic, 30, 160, "舒张压", " mmHg");
        if (systolic is >= 60 and <= 260 && diastolic is >= 30 and <= 160 && diastolic >= systolic)
        {
            e.Add("diastolicBp", "舒张压应低于收缩压");
        }
        if (referral && string.IsNullOrWhiteSpace(reason))
        {
            e.Add("referralReason", "转诊请填写原因");
        }
        var table = MaternalRules.GuidanceOf(contact);
        if ((guidance ?? []).FirstOrDefault(g => table.All(t => t.Key != g)) is { } unknown)
        {
            e.Add("guidance", $"本表没有这项保健指导：{unknown}");
        }
        if (items is not null && (abnormal ?? []).FirstOrDefault(a => items.All(t => t.Key != a)) is { } item)
        {
            e.Add("abnormalItems", $"本表没有这个检查项目：{item}");
        }
    }

    public static string Codes(IReadOnlyList<string>? chosen, IReadOnlyList<(string Key, string Name)> table) =>
        string.Join(",", table.Select(t => t.Key).Where(k => (chosen ?? []).Contains(k)));
}

internal sealed class RegisterPregnancy(CountyHealthDb db, MaternalPages pages, IResidentDirectory residents, IAccessScope scope, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Created<PregnancyView>, ValidationProblem, ProblemHttpResult>> HandleAsync(PregnancyRegistration r, CancellationToken ct)
    {
        var resident = (await residents.GetManyAsync([r.ResidentId], ct)).GetValueOrDefault(r.ResidentId);
        if (resident is null || !await scope.AllowsAsync(PublicHealthPermissions.Maternal, resident.ManagingInstitutionId, "Resident", resident.Id, resident.Id, ct))
        {
            return Problems.NotFound("未找到该居民");
        }
        var e = FieldErrors.For(r);
        var today = ChinaTime.Today(clock);
        if (resident.Sex != Sex.Female)
        {
            e.Add("residentId", $"孕产妇保健手册只能为女性建立（该居民登记的性别为{resident.SexName}）");
        }
        else if (resident.AgeOn(r.Date) is var age && age is < 12 or > 60)
        {
            e.Add("residentId", $"孕妇年龄应在 12～60 岁之间（该居民建册时 {age} 岁），请核对出生日期");
        }
        if (r.Date > today || r.Date < today.AddYears(-1))
        {
            e.Add("date", "建册（第1次产前检查）日期应在一年内且不晚于今天");
        }
        if (r.LastPeriod is null && r.DueDate is null)
        {
            e.Add("lastPeriod", "请填写末次月经；不详时请填写预产期");
        }
        if (r.LastPeriod > r.Date)
        {
            e.Add("lastPeriod", "末次月经不能晚于建册日期");
        }
        var due = r.DueDate ?? (r.LastPeriod is { } lmp ? MaternalRules.DueDate(lmp) : r.Date);
        var gestation = MaternalRules.GestationDays(due, r.Date);
        if ((r.LastPeriod is not null || r.DueDate is not null) && gestation is < 28 or > MaternalRules.LatestGestationDays)
        {
            e.Add(r.DueDate is null ? "lastPeriod" : "dueDate", $"按所填日期，建册时孕 {MaternalRules.Weeks(Math.Max(0, gestation))}（{gestation} 天），应在孕4～44周之间");
        }
        if (r.VaginalBirths + r.Caesareans >= r.Gravidity)
        {
            e.Add("gravidity", "孕次应大于既往产次（阴道分娩与剖宫产之和），本次妊娠计入孕次");
        }
        e.Range("heightCm", r.HeightCm, 120, 200, "身高", " cm");
        e.Range("weightKg", r.WeightKg, 30, 200, "体重", " kg");
        e.Range("haemoglobin", r.Haemoglobin, 30, 220, "血红蛋白", " g/L");
        MaternalPages.CheckCommon(e, MaternalContact.FirstAntenatal, r.SystolicBp, r.DiastolicBp, bpRequired: true, r.Referral, r.ReferralReason, r.Guidance, r.AbnormalItems,
            MaternalRules.FirstCheckItems);
        if (e.Any)
        {
            return e.ToProblem();
        }
        if (await db.Set<Pregnancy>().AnyAsync(p => p.ResidentId == resident.Id && (p.Status == PregnancyStatus.Antenatal || p.Status == PregnancyStatus.Delivered), ct))
        {
            return Problems.Conflict("该孕产妇已建册，尚未结案");
        }
        var findings = pages.Schedule.FindingsOf(r.SystolicBp, r.DiastolicBp, r.Haemoglobin, null, false);
        var abnormal = (r.AbnormalItems ?? []).Count > 0 || findings.Count > 0;
        var pregnancy = new Pregnancy
        {
            ResidentId = resident.Id,
            InstitutionId = resident.ManagingInstitutionId,
            LastPeriod = r.LastPeriod,
            DueDate = due,
            RegisteredOn = r.Date,
            GestationDaysAtRegistration = gestation,
            Gravidity = r.Gravidity,
            VaginalBirths = r.VaginalBirths,
            Caesareans = r.Caesareans,
            HusbandName = string.IsNullOrWhiteSpace(r.HusbandName) ? null : r.HusbandName.Trim(),
            HusbandPhone = string.IsNullOrWhiteSpace(r.HusbandPhone) ? null : r.HusbandPhone.Trim(),
            HbsAgPositive = r.HbsAgPositive,
            SyphilisPositive = r.SyphilisPositive,
            HivPositive = r.HivPositive,
            HighRisk = abnormal || r.Referral || r.HbsAgPositive || r.SyphilisPositive || r.HivPositive,
            RegisteredBy = user.FullName,
        };
        var first = new MaternalVisit
        {
            PregnancyId = pregnancy.Id,
            ResidentId = resident.Id,
            InstitutionId = pregnancy.InstitutionId,
            Contact = MaternalContact.FirstAntenatal,
            Number = 1,
            Date = r.Date,
            GestationDays = gestation,
            WeightKg = r.WeightKg,
            SystolicBp = r.SystolicBp,
            DiastolicBp = r.DiastolicBp,
            Haemoglobin = r.Haemoglobin,
            AbnormalItems = MaternalPages.Codes([.. r.AbnormalItems ?? [], .. findings], pages.FirstCheckTable),
            Abnormal = abnormal,
            Guidance = MaternalPages.Codes(r.Guidance, MaternalRules.GuidanceOf(MaternalContact.FirstAntenatal)),
            Referral = r.Referral,
            ReferralReason = r.Referral ? r.ReferralReason?.Trim() : null,
            DoctorName = user.FullName,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        MaternalPages.Reschedule(pregnancy, [first], pages.Schedule);
        db.AddRange(pregnancy, first);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/public-health/maternal/{pregnancy.Id}", await pages.ViewAsync(pregnancy, ct));
    }
}

internal sealed class GetPregnancy(MaternalPages pages, AuditLog audit) : IUseCase
{
    public async Task<Results<Ok<PregnancyView>, ProblemHttpResult>> HandleAsync(Guid id, CancellationToken ct)
    {
        if (await pages.FindAsync(id, PublicHealthPermissions.Read, ct) is not { } p)
        {
            return Problems.NotFound(MaternalPages.NotFound);
        }
        await audit.ReadAsync(nameof(Pregnancy), p.Id, p.ResidentId, "孕产妇健康管理");
        return TypedResults.Ok(await pages.ViewAsync(p, ct));
    }
}

/// <summary>Records an antenatal visit after the first check; the next window follows the furthest gestation seen.</summary>
internal sealed class RecordAntenatalVisit(CountyHealthDb db, MaternalPages pages, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Created<PregnancyView>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid id, AntenatalVisitRequest r, CancellationToken ct)
    {
        if (await pages.FindAsync(id, PublicHealthPermissions.Maternal, ct) is not { } p)
        {
            return Problems.NotFound(MaternalPages.NotFound);
        }
        if (p.Status != PregnancyStatus.Antenatal)
        {
            return Problems.Conflict($"该孕产妇{MaternalRules.StatusName(p.Status)}，不能再登记产前随访");
        }
        if (r.Version != p.Version)
        {
            return Problems.Conflict(MaternalPages.Changed);
        }
        var e = FieldErrors.For(r);
        var gestation = MaternalRules.GestationDays(p.DueDate, r.Date);
        if (r.Date < p.RegisteredOn || r.Date > ChinaTime.Today(clock))
        {
            e.Add("date", $"随访日期应在建册日期（{ChinaTime.FormatDate(p.RegisteredOn)}）与今天之间");
        }
        else if (gestation > MaternalRules.LatestGestationDays)
        {
            e.Add("date", $"随访日已孕 {MaternalRules.Weeks(gestation)}，超过44周：请核对日期或登记分娩");
        }
        e.Range("weightKg", r.WeightKg, 30, 200, "体重", " kg");
        e.Range("haemoglobin", r.Haemoglobin, 30, 220, "血红蛋白", " g/L");
        e.Range("fundalHeightCm", r.FundalHeightCm, 5, 50, "宫底高度", " cm");
        e.Range("fetalHeartRate", r.FetalHeartRate, 60, 220, "胎心率", " 次/分");
        MaternalPages.CheckCommon(e, MaternalContact.Antenatal, r.SystolicBp, r.DiastolicBp, bpRequired: true, r.Referral, r.ReferralReason, r.Guidance, null, null);
        if (e.Any)
        {
            return e.ToProblem();
        }
        var visits = await db.Set<MaternalVisit>().Where(v => v.PregnancyId == p.Id).ToListAsync(ct);
        var findings = pages.Schedule.FindingsOf(r.SystolicBp, r.DiastolicBp, r.Haemoglobin, r.FetalHeartRate, r.OtherAbnormal);
        var abnormal = findings.Count > 0;
        var visit = new MaternalVisit
        {
            PregnancyId = p.Id,
            ResidentId = p.ResidentId,
            InstitutionId = p.InstitutionId,
            Contact = MaternalContact.Antenatal,
            Number = visits.Count(v => v.Contact is MaternalContact.FirstAntenatal or MaternalContact.Antenatal) + 1,
            Date = r.Date,
            GestationDays = gestation,
            WeightKg = r.WeightKg,
            SystolicBp = r.SystolicBp,
            DiastolicBp = r.DiastolicBp,
            Haemoglobin = r.Haemoglobin,
            FundalHeightCm = r.FundalHeightCm,
            FetalHeartRate = r.FetalHeartRate,
            AbnormalItems = string.Join(",", findings),
            Abnormal = abnormal,
            Guidance = MaternalPages.Codes(r.Guidance, MaternalRules.GuidanceOf(MaternalContact.Antenatal)),
            Referral = r.Referral,
            ReferralReason = r.Referral ? r.ReferralReason?.Trim() : null,
            DoctorName = user.FullName,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(visit);
        p.HighRisk |= abnormal || r.Referral;
        MaternalPages.Reschedule(p, visits.Append(visit), pages.Schedule);
        return await SaveAsync(db, pages, p, ct);
    }

    /// <summary>Saves a changed pregnancy with its version, or answers that someone changed it first.</summary>
    public static async Task<Results<Created<PregnancyView>, ValidationProblem, ProblemHttpResult>> SaveAsync(CountyHealthDb db, MaternalPages pages, Pregnancy p, CancellationToken ct)
    {
        p.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict(MaternalPages.Changed);
        }
        return TypedResults.Created($"/api/v1/public-health/maternal/{p.Id}", await pages.ViewAsync(p, ct));
    }
}

/// <summary>Records the delivery from the hospital's notice: from 28 weeks, not before the registration, discharged within two months.</summary>
internal sealed class RecordDelivery(CountyHealthDb db, MaternalPages pages, TimeProvider clock) : IUseCase
{
    public async Task<Results<Created<PregnancyView>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid id, DeliveryRequest r, CancellationToken ct)
    {
        if (await pages.FindAsync(id, PublicHealthPermissions.Maternal, ct) is not { } p)
        {
            return Problems.NotFound(MaternalPages.NotFound);
        }
        if (p.Status != PregnancyStatus.Antenatal)
        {
            return Problems.Conflict($"该孕产妇{MaternalRules.StatusName(p.Status)}，不能再登记分娩");
        }
        if (r.Version != p.Version)
        {
            return Problems.Conflict(MaternalPages.Changed);
        }
        var e = FieldErrors.For(r);
        var today = ChinaTime.Today(clock);
        var gestation = MaternalRules.GestationDays(p.DueDate, r.DeliveredOn);
        if (r.DeliveredOn < p.RegisteredOn || r.DeliveredOn > today)
        {
            e.Add("deliveredOn", $"分娩日期应在建册日期（{ChinaTime.FormatDate(p.RegisteredOn)}）与今天之间");
        }
        else if (gestation < MaternalRules.DeliveryFromDays)
        {
            e.Add("deliveredOn", $"分娩日仅孕 {MaternalRules.Weeks(gestation)}：孕28周前终止妊娠请按流产、引产结案");
        }
        else if (gestation > MaternalRules.LatestGestationDays)
        {
            e.Add("deliveredOn", $"分娩日已孕 {MaternalRules.Weeks(gestation)}，超过44周：请核对分娩日期或预产期");
        }
        if (r.DischargedOn < r.DeliveredOn || r.DischargedOn > r.DeliveredOn.AddDays(60) || r.DischargedOn > today)
        {
            e.Add("dischargedOn", "出院日期应在分娩后两个月内且不晚于今天");
        }
        if (string.IsNullOrWhiteSpace(r.DeliveredAt))
        {
            e.Add("deliveredAt", "请填写助产机构；非住院分娩请填“无”");
        }
        if (!Enum.IsDefined(r.Mode))
        {
            e.Add("mode", "分娩方式应为顺产、胎头吸引、产钳或剖宫产");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        (p.Status, p.DeliveredOn, p.DischargedOn, p.DeliveredAt, p.DeliveryMode, p.LiveBirths) =
            (PregnancyStatus.Delivered, r.DeliveredOn, r.DischargedOn, r.DeliveredAt!.Trim(), r.Mode, r.LiveBirths);
        MaternalPages.Reschedule(p, await db.Set<MaternalVisit>().Where(v => v.PregnancyId == p.Id).ToListAsync(ct), pages.Schedule);
        return await RecordAntenatalVisit.SaveAsync(db, pages, p, ct);
    }
}

/// <summary>Records the postpartum visit (once, after discharge) or the 42-day check (from four weeks after delivery; it closes the case).</summary>
internal sealed class RecordPostpartumVisit(CountyHealthDb db, MaternalPages pages, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Created<PregnancyView>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid id, PostpartumRequest r, CancellationToken ct)
    {
        if (await pages.FindAsync(id, PublicHealthPermissions.Maternal, ct) is not { } p)
        {
            return Problems.NotFound(MaternalPages.NotFound);
        }
        if (p.Status != PregnancyStatus.Delivered)
        {
            return Problems.Conflict(p.Status == PregnancyStatus.Antenatal ? "请先登记分娩" : $"该孕产妇{MaternalRules.StatusName(p.Status)}");
        }
        if (r.Version != p.Version)
        {
            return Problems.Conflict(MaternalPages.Changed);
        }
        var e = FieldErrors.For(r);
        var today = ChinaTime.Today(clock);
        var delivered = p.DeliveredOn!.Value;
        if (r.Contact is not (MaternalContact.Postpartum or MaternalContact.Check42))
        {
            e.Add("contact", "应为产后访视或产后42天健康检查");
        }
        else if (r.Date > today)
        {
            e.Add("date", "日期不能晚于今天");
        }
        else if (r.Contact == MaternalContact.Postpartum && r.Date < p.DischargedOn)
        {
            e.Add("date", $"产后访视在出院（{ChinaTime.FormatDate(p.DischargedOn!.Value)}）后进行");
        }
        else if (r.Contact == MaternalContact.Check42 && r.Date < delivered.AddDays(MaternalRules.Check42Earliest))
        {
            e.Add("date", $"产后42天健康检查最早在产后{MaternalRules.Check42Earliest}天（{ChinaTime.FormatDate(delivered.AddDays(MaternalRules.Check42Earliest))}）进行");
        }
        e.Range("temperatureC", r.TemperatureC, 34, 43, "体温", " ℃");
        if (r.Contact == MaternalContact.Postpartum && r.TemperatureC is null)
        {
            e.Add("temperatureC", "产后访视请填写体温");
        }
        if (Enum.IsDefined(r.Contact))
        {
            MaternalPages.CheckCommon(e, r.Contact, r.SystolicBp, r.DiastolicBp, bpRequired: true, r.Referral, r.ReferralReason, r.Guidance, r.AbnormalItems, MaternalRules.PostpartumItems);
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var visits = await db.Set<MaternalVisit>().Where(v => v.PregnancyId == p.Id).ToListAsync(ct);
        if (r.Contact == MaternalContact.Postpartum && visits.Any(v => v.Contact == MaternalContact.Postpartum))
        {
            return Problems.Conflict("产后访视已登记");
        }
        var visit = new MaternalVisit
        {
            PregnancyId = p.Id,
            ResidentId = p.ResidentId,
            InstitutionId = p.InstitutionId,
            Contact = r.Contact,
            Date = r.Date,
            TemperatureC = r.Contact == MaternalContact.Postpartum ? r.TemperatureC : null,
            SystolicBp = r.SystolicBp,
            DiastolicBp = r.DiastolicBp,
            AbnormalItems = MaternalPages.Codes(r.AbnormalItems, MaternalRules.PostpartumItems),
            Abnormal = (r.AbnormalItems ?? []).Count > 0 || pages.Schedule.Hypertensive(r.SystolicBp, r.DiastolicBp) || r.TemperatureC >= 38,
            Guidance = MaternalPages.Codes(r.Guidance, MaternalRules.GuidanceOf(r.Contact)),
            Referral = r.Referral,
            ReferralReason = r.Referral ? r.ReferralReason?.Trim() : null,
            DoctorName = user.FullName,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(visit);
        if (r.Contact == MaternalContact.Check42)
        {
            // 处理: 结案 or 转诊 — either way the programme's management of this pregnancy ends with the check.
            (p.Status, p.EndedOn) = (PregnancyStatus.Closed, r.Date);
        }
        MaternalPages.Reschedule(p, visits.Append(visit), pages.Schedule);
        return await RecordAntenatalVisit.SaveAsync(db, pages, p, ct);
    }
}

/// <summary>Ends a pregnancy's management outside the schedule (流产、引产、迁出、死亡), with the reason.</summary>
internal sealed class EndPregnancy(CountyHealthDb db, MaternalPages pages, TimeProvider clock) : IUseCase
{
    public async Task<Results<Created<PregnancyView>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid id, EndPregnancyRequest r, CancellationToken ct)
    {
        if (await pages.FindAsync(id, PublicHealthPermissions.Maternal, ct) is not { } p)
        {
            return Problems.NotFound(MaternalPages.NotFound);
        }
        if (p.Status is not (PregnancyStatus.Antenatal or PregnancyStatus.Delivered))
        {
            return Problems.Conflict("该孕产妇的管理已结束");
        }
        if (r.Version != p.Version)
        {
            return Problems.Conflict(MaternalPages.Changed);
        }
        var e = FieldErrors.For(r);
        e.Require("reason", r.Reason, "终止管理的原因（流产、引产、迁出、死亡等）", 60);
        if (r.Date < p.RegisteredOn || r.Date > ChinaTime.Today(clock))
        {
            e.Add("date", $"日期应在建册日期（{ChinaTime.FormatDate(p.RegisteredOn)}）与今天之间");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        (p.Status, p.EndedOn, p.EndReason) = (PregnancyStatus.Ended, r.Date, r.Reason!.Trim());
        MaternalPages.Reschedule(p, [], pages.Schedule);
        return await RecordAntenatalVisit.SaveAsync(db, pages, p, ct);
    }
}

/// <summary>
/// The pregnant and postpartum women within reach: "due" (the next contact begins within 14 days or is overdue; the
/// default), "overdue" (past the contact's window), "all" (every open case).
/// </summary>
internal sealed class ListPregnancies(CountyHealthDb db, IAccessScope scope, IResidentDirectory residents, IInstitutionDirectory institutions, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<Page<MaternalRow>>, ValidationProblem, ProblemHttpResult>> HandleAsync(MaternalQuery q, CancellationToken ct)
    {
        var (e, list) = await scope.OpenListAsync(q, q.Show, ["due", "overdue", "all"], PublicHealthPermissions.Read, q.Institution, ct);
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
        var soon = today.AddDays(14);
        var rows = db.Set<Pregnancy>().AsNoTracking()
            .Where(p => (p.Status == PregnancyStatus.Antenatal || p.Status == PregnancyStatus.Delivered) && within.Contains(p.InstitutionId));
        rows = (q.Show ?? "due") switch
        {
            "overdue" => rows.Where(p => p.NextDueBy < today),
            "due" => rows.Where(p => p.NextDueOn <= soon),
            _ => rows,
        };
        var paging = new Paging(q.Page ?? 1, q.PageSize ?? 100);
        var page = await rows.OrderBy(p => p.NextDueBy == null).ThenBy(p => p.NextDueBy).ThenBy(p => p.Id).Skip(paging.Skip).Take(paging.Size + 1).ToListAsync(ct);
        var people = await residents.GetManyAsync(page.Select(p => p.ResidentId), ct);
        var names = (await institutions.ListAsync(ct)).ToDictionary(i => i.Id, i => i.Name);
        await audit.SearchAsync(nameof(Pregnancy), $"孕产妇随访名单：{q.Show ?? "due"}，{Math.Min(page.Count, paging.Size)} 人");
        return TypedResults.Ok(new Page<MaternalRow>(page.Take(paging.Size).Select(p =>
        {
            var r = people.GetValueOrDefault(p.ResidentId);
            var overdue = p.NextDueBy < today;
            return new MaternalRow(p.Id, r?.Name ?? "", r?.AgeOn(today) ?? 0, r?.Phone, names.GetValueOrDefault(p.InstitutionId, ""), MaternalRules.StatusName(p.Status),
                p.Status == PregnancyStatus.Antenatal ? MaternalRules.Weeks(Math.Max(0, MaternalRules.GestationDays(p.DueDate, today))) : null, ChinaTime.FormatDate(p.DueDate),
                p.NextContact, p.NextDueOn is { } from ? ChinaTime.FormatDate(from) : null, p.NextDueBy is { } by ? ChinaTime.FormatDate(by) : null,
                overdue, overdue ? today.DayNumber - p.NextDueBy!.Value.DayNumber : 0, p.HighRisk);
        }).ToList(), paging.Number, paging.Size, page.Count > paging.Size, null));
    }
}
