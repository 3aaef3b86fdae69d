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
using CountyHealth.PublicHealth.Immunisation;
using CountyHealth.Residents.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.PublicHealth.ChildHealth;

/// <summary>
/// A contact of the schedule on its form. Only the fields of the contact's form may be given (the others null or empty):
/// head circumference on the 1～8月龄 form; the ratings from 满月 on; the growth assessment on the 3～6岁 form; Hb,
/// hearing and vision at the contacts that test them; warning signs (indices 0–3) from 3 months; illness from 满月; the
/// birth facts, feeding, jaundice, cord and screens on the newborn visit. Codes as the forms number them.
/// </summary>
public sealed record ChildCheckRequest([Text(16)] string? Contact, DateOnly Date, decimal? WeightKg, decimal? LengthCm, decimal? HeadCm, GrowthRating? WeightRating,
    GrowthRating? LengthRating, GrowthAssessment? Growth, int? HbGL, bool? HearingPassed, decimal? VisionLeft, decimal? VisionRight, IReadOnlyList<int>? WarningSigns,
    IReadOnlyList<int>? Illness, bool Referral, [Text(200)] string? ReferralReason, IReadOnlyList<int>? Guidance, DateOnly? NextDate, int? GestationalWeeks,
    decimal? BirthWeightKg, Feeding? Feeding, IReadOnlyList<int>? Jaundice, IReadOnlyList<int>? Cord, NewbornHearing? HearingScreen, IReadOnlyList<int>? MetabolicScreen);

/// <summary>A contact of the child's schedule: its age, days and status (the page shows it as a chip).</summary>
public sealed record ChildContactRow(string Key, string Name, string Age, string DueOn, string LastDueDay, string MissedFrom, ContactStatus Status, string StatusName,
    string? DoneOn, bool Next);

/// <summary>A check as the child's page lists it, its codes named.</summary>
public sealed record ChildCheckRow(Guid Id, string Contact, string ContactName, string Date, decimal WeightKg, decimal? LengthCm, decimal? HeadCm, string? WeightRating,
    string? LengthRating, string? Growth, int? HbGL, string? Hearing, string? Vision, IReadOnlyList<string> WarningSigns, string? Illness, bool Referral, string? ReferralReason,
    string Guidance, string? NextDate, string? Newborn, string DoctorName);

/// <summary>
/// A child's health management: the 13 contacts with their status, the checks done (newest first), the next contact to
/// do. <paramref name="InProgramme"/> is false from the seventh birthday (the schedule is then empty).
/// </summary>
public sealed record ChildHealthView(Guid ResidentId, string Name, string SexName, string BirthDate, DateOnly BirthDateValue, string Age, string? IdNumber, string? Phone,
    string? Address, string InstitutionName, bool InProgramme, IReadOnlyList<ChildContactRow> Schedule, IReadOnlyList<ChildCheckRow> Checks, string? NextContact,
    bool CanRecord, string? Birth, Guid? PregnancyId, int? GestationalWeeks);

/// <summary>The children under seven within reach: "due" (a contact due, overdue or due within 14 days; the default), "overdue", "all".</summary>
public sealed record ChildHealthQuery([Text(16)] string? Show, Guid? Institution, [Text(40)] string? Q, [Bounds(1, 1_000_000)] int? Page, [Bounds(1, 500)] int? PageSize);

public sealed record ChildHealthRow(Guid ResidentId, string Name, string SexName, string BirthDate, string Age, string? Phone, string? Address, string InstitutionName,
    string? NextContact, string? NextDueOn, bool Overdue, int DaysOverdue, int Done, int Missed, string? LastCheck);

/// <summary>Loads a child under the scope rule (a refusal is audited and looks like "not found") and shows her schedule and checks.</summary>
internal sealed class ChildHealthPages(CountyHealthDb db, IAccessScope scope, IResidentDirectory residents, IInstitutionDirectory institutions,
    ReferenceTable<ChildCheckSchedule> table, AuditLog audit, TimeProvider clock)
{
    public ChildCheckSchedule Schedule => table.Current;

    public const string NotFound = "未找到该儿童";

    public async Task<ResidentSummary?> FindAsync(Guid residentId, string permission, CancellationToken ct)
    {
        var r = (await residents.GetManyAsync([residentId], ct)).GetValueOrDefault(residentId);
        return r is not null && await scope.AllowsAsync(permission, r.ManagingInstitutionId, "Resident", r.Id, r.Id, ct) ? r : null;
    }

    public async Task<ChildHealthView> ViewAsync(ResidentSummary child, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var schedule = table.Current;
        var checks = await db.Set<ChildCheck>().AsNoTracking().Where(c => c.ResidentId == child.Id).OrderByDescending(c => c.Date).ThenByDescending(c => c.RecordedAt).ToListAsync(ct);
        var keeper = await institutions.FindAsync(child.ManagingInstitutionId, ct);
        var inProgramme = today < child.BirthDate.AddYears(ChildCheckRules.UntilYears);
        var states = ChildCheckRules.States(schedule, child.BirthDate, checks.ToDictionary(c => c.Contact, c => c.Date), today);
        var next = inProgramme ? states.FirstOrDefault(s => s.Status is ContactStatus.Due or ContactStatus.Overdue or ContactStatus.Upcoming) : null;
        var rows = inProgramme
            ? states.Select(s => new ChildContactRow(s.Contact.Key, s.Contact.Name, ChildCheckRules.AgeText(s.Contact.Due), ChinaTime.FormatDate(s.DueOn),
                ChinaTime.FormatDate(s.LastDueDay), ChinaTime.FormatDate(s.MissedFrom), s.Status, ChildCheckRules.StatusName(s.Status),
                s.DoneOn is { } d ? ChinaTime.FormatDate(d) : null, s.Contact.Key == next?.Contact.Key)).ToList()
            : [];
        var (birth, pregnancyId, weeks) = await BirthAsync(child.Id, ct);
        return new ChildHealthView(child.Id, child.Name, child.SexName, ChinaTime.FormatDate(child.BirthDate), child.BirthDate, ImmunisationRecords.AgeText(child.BirthDate, today),
            child.IdNumber, child.Phone, child.Address, keeper?.Name ?? "", inProgramme, rows, checks.Select(c => RowOf(schedule, c)).ToList(), next?.Contact.Key,
            inProgramme && await scope.CoversAsync(PublicHealthPermissions.Child, child.ManagingInstitutionId, ct), birth, pregnancyId, weeks);
    }

    /// <summary>
    /// 出生情况 from the delivery the child was registered at (the newborn visit's 母亲、助产机构、出生情况), for a user who
    /// may read the mother's maternal record (the read is audited against her), with the completed weeks the newborn
    /// visit's 出生孕周 starts from; nulls otherwise.
    /// </summary>
    private async Task<(string? Text, Guid? PregnancyId, int? Weeks)> BirthAsync(Guid childId, CancellationToken ct)
    {
        var p = await db.Set<PregnancyNewborn>().AsNoTracking().Where(n => n.ResidentId == childId)
            .Join(db.Set<Pregnancy>().AsNoTracking(), n => n.PregnancyId, p => p.Id, (n, p) => p).FirstOrDefaultAsync(ct);
        if (p?.DeliveredOn is not { } delivered || !await scope.CoversAsync(PublicHealthPermissions.Read, p.InstitutionId, ct))
        {
            return (null, null, null);
        }
        var gestation = MaternalRules.GestationDays(p.DueDate, delivered);
        var mother = (await residents.GetManyAsync([p.ResidentId], ct)).GetValueOrDefault(p.ResidentId);
        await audit.ReadAsync(nameof(Pregnancy), p.Id, p.ResidentId, "儿童健康管理的出生情况");
        return ($"母亲 {mother?.Name}；{ChinaTime.FormatDate(delivered)} 于{p.DeliveredAt}{MaternalRules.DeliveryModeName(p.DeliveryMode ?? DeliveryMode.Vaginal)}，"
            + $"孕 {MaternalRules.Weeks(gestation)}{(p.LiveBirths > 1 ? $"，同胎活产 {p.LiveBirths} 人" : "")}", p.Id, gestation / 7);
    }

    private static ChildCheckRow RowOf(ChildCheckSchedule schedule, ChildCheck c)
    {
        var contact = schedule.Find(c.Contact);
        var form = contact?.Form ?? ChildForm.Infant;
        var signs = ChildCheckRules.ParseCodes(c.WarningSigns).Select(i => contact is not null && i < contact.WarningSigns.Count ? contact.WarningSigns[i] : $"第{i + 1}项").ToList();
        string? newborn = c.Contact == "newborn"
            ? $"出生孕周 {c.GestationalWeeks}周，出生体重 {c.BirthWeightKg}kg，{(c.Feeding is { } f ? ChildCheckRules.FeedingName(f) : "")}喂养"
              + (c.Jaundice is { Length: > 0 } j ? $"，黄疸部位 {ChildCheckRules.Names(j, ChildCheckRules.Jaundice)}" : "")
              + (c.Cord is { Length: > 0 } cord ? $"，脐带 {ChildCheckRules.Names(cord, ChildCheckRules.Cord)}" : "")
              + (c.HearingScreen is { } h ? $"，听力筛查{ChildCheckRules.HearingScreenName(h)}" : "")
              + (c.MetabolicScreen is { Length: > 0 } m ? $"，疾病筛查 {ChildCheckRules.Names(m, ChildCheckRules.MetabolicScreen)}" : "")
            : null;
        return new ChildCheckRow(c.Id, c.Contact, contact?.Name ?? c.Contact, ChinaTime.FormatDate(c.Date), c.WeightKg, c.LengthCm, c.HeadCm,
            c.WeightRating is { } wr ? ChildCheckRules.RatingName(wr) : null, c.LengthRating is { } lr ? ChildCheckRules.RatingName(lr) : null,
            c.Growth is { } g ? ChildCheckRules.AssessmentName(g) : null, c.HbGL, c.HearingPassed is { } hp ? (hp ? "通过" : "未通过") : null,
            c.VisionLeft is not null || c.VisionRight is not null ? $"左 {c.VisionLeft} 右 {c.VisionRight}" : null, signs,
            c.Illness.Length > 0 ? ChildCheckRules.Names(c.Illness, ChildCheckRules.Illnesses) : null, c.Referral, c.ReferralReason,
            ChildCheckRules.Names(c.Guidance, ChildCheckRules.Guidance(form)), c.NextDate is { } n ? ChinaTime.FormatDate(n) : null, newborn, c.DoctorName);
    }
}

internal sealed class GetChildHealth(ChildHealthPages pages, AuditLog audit) : IUseCase
{
    public async Task<Results<Ok<ChildHealthView>, ProblemHttpResult>> HandleAsync(Guid residentId, CancellationToken ct)
    {
        if (await pages.FindAsync(residentId, PublicHealthPermissions.ChildRead, ct) is not { } child)
        {
            return Problems.NotFound(ChildHealthPages.NotFound);
        }
        await audit.ReadAsync("Resident", child.Id, child.Id, "0～6岁儿童健康管理");
        return TypedResults.Ok(await pages.ViewAsync(child, ct));
    }
}

/// <summary>
/// Records a contact of the schedule: within its window (from its age until the next contact falls due, before the
/// seventh birthday), once per child, on its form's fields with plausible figures; nothing is saved on an error.
/// </summary>
internal sealed class RecordChildCheck(CountyHealthDb db, ChildHealthPages pages, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Created<ChildHealthView>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid residentId, ChildCheckRequest r, CancellationToken ct)
    {
        if (await pages.FindAsync(residentId, PublicHealthPermissions.Child, ct) is not { } child)
        {
            return Problems.NotFound(ChildHealthPages.NotFound);
        }
        var e = FieldErrors.For(r);
        var schedule = pages.Schedule;
        var today = ChinaTime.Today(clock);
        if (r.Contact is null || schedule.Find(r.Contact) is not { } contact)
        {
            e.Add("contact", "请选择检查次别（新生儿访视、满月、3月龄……6岁）");
            return e.ToProblem();
        }
        if (await db.Set<ChildCheck>().AnyAsync(c => c.ResidentId == child.Id && c.Contact == contact.Key, ct))
        {
            return Problems.Conflict($"该儿童的{contact.Name}检查已记录");
        }
        if (r.Date > today)
        {
            e.Add("date", "检查日期不能晚于今天");
        }
        else if (ChildCheckRules.WindowProblem(schedule, contact, child.BirthDate, r.Date) is { } window)
        {
            e.Add("date", window);
        }
        Validate(e, contact, r);
        if (e.Any)
        {
            return e.ToProblem();
        }
        var newborn = contact.Form == ChildForm.Newborn;
        db.Add(new ChildCheck
        {
            ResidentId = child.Id,
            InstitutionId = child.ManagingInstitutionId,
            Contact = contact.Key,
            Date = r.Date,
            WeightKg = Math.Round(r.WeightKg!.Value, 2),
            LengthCm = Round(r.LengthCm, 1),
            HeadCm = Round(r.HeadCm, 1),
            WeightRating = r.WeightRating,
            LengthRating = r.LengthRating,
            Growth = r.Growth,
            HbGL = r.HbGL,
            HearingPassed = r.HearingPassed,
            VisionLeft = Round(r.VisionLeft, 1),
            VisionRight = Round(r.VisionRight, 1),
            WarningSigns = ChildCheckRules.Codes(r.WarningSigns),
            Illness = ChildCheckRules.Codes(r.Illness),
            Referral = r.Referral,
            ReferralReason = r.Referral ? r.ReferralReason!.Trim() : null,
            Guidance = ChildCheckRules.Codes(r.Guidance),
            NextDate = r.NextDate,
            GestationalWeeks = r.GestationalWeeks,
            BirthWeightKg = Round(r.BirthWeightKg, 2),
            Feeding = r.Feeding,
            Jaundice = newborn ? ChildCheckRules.Codes(r.Jaundice) : null,
            Cord = newborn ? ChildCheckRules.Codes(r.Cord) : null,
            HearingScreen = r.HearingScreen,
            MetabolicScreen = newborn ? ChildCheckRules.Codes(r.MetabolicScreen) : null,
            DoctorName = user.FullName,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two saves of the same contact at once: the unique index keeps one.
            return Problems.Conflict($"该儿童的{contact.Name}检查已记录");
        }
        return TypedResults.Created($"/api/v1/public-health/child-health/{child.Id}", await pages.ViewAsync(child, ct));
    }

    /// <summary>Figures are kept to the form's precision (kg to 10 g, cm to 1 mm, vision to a tenth).</summary>
    private static decimal? Round(decimal? value, int decimals) => value is { } v ? Math.Round(v, decimals) : null;

    /// <summary>The form's fields: those of the contact's form within bounds, the others absent.</summary>
    private static void Validate(FieldErrors e, ChildContact contact, ChildCheckRequest r)
    {
        var form = contact.Form;
        var bounds = ChildCheckRules.BoundsOf(form);
        var newborn = form == ChildForm.Newborn;
        Range(e, "weightKg", r.WeightKg, bounds.WeightMin, bounds.WeightMax, newborn ? "目前体重" : "体重", "kg", required: true);
        Range(e, "lengthCm", r.LengthCm, bounds.LengthMin, bounds.LengthMax, newborn ? "出生身长" : form == ChildForm.Preschool ? "身高" : "身长", "cm", required: !newborn);
        if (form == ChildForm.Infant)
        {
            Range(e, "headCm", r.HeadCm, ChildCheckRules.HeadMin, ChildCheckRules.HeadMax, "头围", "cm", required: false);
        }
        else
        {
            Absent(e, "headCm", r.HeadCm is not null, "头围仅在1～8月龄检查时记录");
        }
        if (newborn)
        {
            Absent(e, "weightRating", r.WeightRating is not null, "新生儿访视不作体重评价");
            Absent(e, "lengthRating", r.LengthRating is not null, "新生儿访视不作身长评价");
        }
        else
        {
            Required(e, "weightRating", r.WeightRating is not null, "请选择体重评价（上、中、下）");
            Required(e, "lengthRating", r.LengthRating is not null, form == ChildForm.Preschool ? "请选择身高评价（上、中、下）" : "请选择身长评价（上、中、下）");
        }
        if (form == ChildForm.Preschool)
        {
            Required(e, "growth", r.Growth is not null, "请选择体格发育评价");
        }
        else
        {
            Absent(e, "growth", r.Growth is not null, "体格发育评价仅在3～6岁检查时记录");
        }
        if (contact.Has(ChildTest.Haemoglobin))
        {
            Range(e, "hbGL", r.HbGL, ChildCheckRules.HbMin, ChildCheckRules.HbMax, "血红蛋白值", "g/L", required: false);
        }
        else
        {
            Absent(e, "hbGL", r.HbGL is not null, $"{contact.Name}检查不查血红蛋白（6～8、18、30月龄及4～6岁查）");
        }
        Absent(e, "hearingPassed", r.HearingPassed is not null && !contact.Has(ChildTest.Hearing), $"{contact.Name}检查不作听力筛查（6、12、24、36月龄查）");
        if (contact.Has(ChildTest.Vision))
        {
            Range(e, "visionLeft", r.VisionLeft, ChildCheckRules.VisionMin, ChildCheckRules.VisionMax, "左眼视力", "（五分记录）", required: false);
            Range(e, "visionRight", r.VisionRight, ChildCheckRules.VisionMin, ChildCheckRules.VisionMax, "右眼视力", "（五分记录）", required: false);
        }
        else
        {
            Absent(e, "visionLeft", r.VisionLeft is not null || r.VisionRight is not null, $"{contact.Name}检查不查视力（4、5、6岁查）");
        }
        var signs = r.WarningSigns ?? [];
        if (contact.WarningSigns.Count == 0)
        {
            Absent(e, "warningSigns", signs.Count > 0, $"{contact.Name}没有预警征象项目（3月龄起）");
        }
        else if (signs.Any(i => i < 0 || i >= contact.WarningSigns.Count))
        {
            e.Add("warningSigns", $"预警征象应为本年龄的{contact.WarningSigns.Count}项之一（0–{contact.WarningSigns.Count - 1}）");
        }
        if (newborn)
        {
            Absent(e, "illness", (r.Illness ?? []).Count > 0, "新生儿访视不填写两次随访间患病情况");
        }
        else
        {
            Codes(e, "illness", r.Illness, ChildCheckRules.Illnesses, "两次随访间患病情况");
        }
        if (r.Referral && string.IsNullOrWhiteSpace(r.ReferralReason))
        {
            e.Add("referralReason", "转诊时请填写原因");
        }
        Absent(e, "referralReason", !r.Referral && !string.IsNullOrWhiteSpace(r.ReferralReason), "未转诊时不填写转诊原因");
        Codes(e, "guidance", r.Guidance, ChildCheckRules.Guidance(form), "指导");
        if (r.NextDate is { } next && next <= r.Date)
        {
            e.Add("nextDate", "下次随访日期应晚于本次检查日期");
        }
        if (newborn)
        {
            Range(e, "gestationalWeeks", r.GestationalWeeks, ChildCheckRules.GestationMin, ChildCheckRules.GestationMax, "出生孕周", "周", required: true);
            Range(e, "birthWeightKg", r.BirthWeightKg, ChildCheckRules.BirthWeightMin, ChildCheckRules.BirthWeightMax, "出生体重", "kg", required: true);
            Required(e, "feeding", r.Feeding is not null, "请选择喂养方式");
            Codes(e, "jaundice", r.Jaundice, ChildCheckRules.Jaundice, "黄疸部位");
            Codes(e, "cord", r.Cord, ChildCheckRules.Cord, "脐带");
            Codes(e, "metabolicScreen", r.MetabolicScreen, ChildCheckRules.MetabolicScreen, "新生儿疾病筛查");
        }
        else
        {
            const string only = "仅在新生儿家庭访视时记录";
            Absent(e, "gestationalWeeks", r.GestationalWeeks is not null, "出生孕周" + only);
            Absent(e, "birthWeightKg", r.BirthWeightKg is not null, "出生体重" + only);
            Absent(e, "feeding", r.Feeding is not null, "喂养方式" + only);
            Absent(e, "jaundice", (r.Jaundice ?? []).Count > 0, "黄疸部位" + only);
            Absent(e, "cord", (r.Cord ?? []).Count > 0, "脐带" + only);
            Absent(e, "hearingScreen", r.HearingScreen is not null, "新生儿听力筛查" + only);
            Absent(e, "metabolicScreen", (r.MetabolicScreen ?? []).Count > 0, "新生儿疾病筛查" + only);
        }
    }

    private static void Required(FieldErrors e, string field, bool given, string message)
    {
        if (!given)
        {
            e.Add(field, message);
        }
    }

    private static void Absent(FieldErrors e, string field, bool given, string message)
    {
        if (given)
        {
            e.Add(field, message);
        }
    }

    /// <summary>A multi-select item: codes of its table, "none" (code 1 of 无 / 未进行) alone.</summary>
    private static void Codes(FieldErrors e, string field, IReadOnlyList<int>? codes, IReadOnlyList<(int Code, string Name)> table, string name)
    {
        if (codes is null || codes.Count == 0)
        {
            return;
        }
        if (codes.Where(c => table.All(t => t.Code != c)).Select(c => (int?)c).FirstOrDefault() is { } unknown)
        {
            e.Add(field, $"{name}没有代码 {unknown}（{string.Join(" ", table.Select(t => $"{t.Code}{t.Name}"))}）");
        }
        else if (table[0].Name is "无" or "未进行" && codes.Contains(1) && codes.Distinct().Count() > 1)
        {
            e.Add(field, $"{name}选了“{table[0].Name}”就不能再选其他项");
        }
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
}

/// <summary>
/// The township's and the village doctor's list: the children under seven of the clinics within reach (one named when
/// the reach is the whole county) with their next contact, longest overdue first.
/// </summary>
internal sealed class ListChildHealth(CountyHealthDb db, ReferenceTable<ChildCheckSchedule> table, IAccessScope scope, IResidentDirectory residents, IInstitutionDirectory institutions, AuditLog audit, TimeProvider clock) : IUseCase
{
    public const int DueWithinDays = 14;

    public async Task<Results<Ok<Page<ChildHealthRow>>, ValidationProblem, ProblemHttpResult>> HandleAsync(ChildHealthQuery q, CancellationToken ct)
    {
        var (e, list) = await scope.OpenListAsync(q, q.Show, ["due", "overdue", "all"], PublicHealthPermissions.ChildRead, q.Institution, ct);
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
        var schedule = table.Current;
        var children = residents.BornBetween(today.AddYears(-ChildCheckRules.UntilYears).AddDays(1), today).Where(c => within.Contains(c.ManagingInstitutionId));
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var found = residents.MatchingResidentIds(q.Q);
            children = children.Where(c => found.Contains(c.Id));
        }
        var born = await children.ToListAsync(ct);
        var done = (await db.Set<ChildCheck>().AsNoTracking().Where(c => children.Select(x => x.Id).Contains(c.ResidentId))
                .Select(c => new { c.ResidentId, c.Contact, c.Date }).ToListAsync(ct))
            .GroupBy(c => c.ResidentId).ToDictionary(g => g.Key, g => g.ToDictionary(c => c.Contact, c => c.Date));
        var horizon = (q.Show ?? "due") switch
        {
            "overdue" => today.AddDays(-1),
            "due" => today.AddDays(DueWithinDays),
            _ => DateOnly.MaxValue,
        };
        var listed = born.Select(c =>
            {
                var had = done.GetValueOrDefault(c.Id) ?? new Dictionary<string, DateOnly>();
                var states = ChildCheckRules.States(schedule, c.BirthDate, had, today);
                var next = states.FirstOrDefault(s => s.Status is ContactStatus.Due or ContactStatus.Overdue or ContactStatus.Upcoming);
                return (Child: c, States: states, Next: next, Last: had.Count == 0 ? (DateOnly?)null : had.Values.Max());
            })
            .Where(x => q.Show == "all" || (x.Next is { } n && (q.Show == "overdue" ? n.Status == ContactStatus.Overdue : n.DueOn <= horizon)))
            .OrderBy(x => x.Next is { } n ? (n.Status == ContactStatus.Overdue ? n.LastDueDay : n.DueOn) : DateOnly.MaxValue).ThenBy(x => x.Child.BirthDate).ThenBy(x => x.Child.Id)
            .ToList();
        var paging = new Paging(q.Page ?? 1, q.PageSize ?? 100);
        var page = listed.Skip(paging.Skip).Take(paging.Size).ToList();
        var people = await residents.GetManyAsync(page.Select(x => x.Child.Id), ct);
        var names = (await institutions.ListAsync(ct)).ToDictionary(i => i.Id, i => i.Name);
        await audit.SearchAsync(nameof(ChildCheck), $"0～6岁儿童健康管理名单：{q.Show ?? "due"}，{page.Count} 名儿童");
        return TypedResults.Ok(new Page<ChildHealthRow>(page.Select(x =>
        {
            var r = people.GetValueOrDefault(x.Child.Id);
            var overdue = x.Next?.Status == ContactStatus.Overdue;
            return new ChildHealthRow(x.Child.Id, r?.Name ?? "", r?.SexName ?? "", ChinaTime.FormatDate(x.Child.BirthDate), ImmunisationRecords.AgeText(x.Child.BirthDate, today),
                r?.Phone, r?.Address, names.GetValueOrDefault(x.Child.ManagingInstitutionId, ""), x.Next?.Contact.Name, x.Next is { } n ? ChinaTime.FormatDate(n.DueOn) : null,
                overdue, overdue ? today.DayNumber - x.Next!.LastDueDay.DayNumber : 0, x.States.Count(s => s.Status == ContactStatus.Done),
                x.States.Count(s => s.Status == ContactStatus.Missed), x.Last is { } l ? ChinaTime.FormatDate(l) : null);
        }).ToList(), paging.Number, paging.Size, listed.Count > paging.Skip + paging.Size, listed.Count > paging.Skip + paging.Size ? null : listed.Count));
    }
}
