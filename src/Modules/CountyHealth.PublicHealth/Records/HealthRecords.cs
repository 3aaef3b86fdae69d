using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Reference;
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

namespace CountyHealth.PublicHealth.Records;

public sealed record OptionView(string Code, string Name);

public sealed record RecordFieldView(string Key, string Name, bool Multi, bool Required, IReadOnlyList<OptionView> Options);

public sealed record AnswerRow(string Field, string Answer);

public sealed record ServiceRow(string Date, string Kind, string Detail);

public sealed record HouseholdMemberRow(Guid ResidentId, string Name, string SexName, int Age, string? Relation, string? RecordNumber);

/// <summary>
/// A resident's health record as its page shows it — or, before 建档, the resident and the form to fill: the number, the
/// answers of the 个人基本信息表, the services that keep it in use (动态使用: one within the last 12 months), her household.
/// </summary>
public sealed record HealthRecordView(Guid ResidentId, string Name, string SexName, int Age, string BirthDate, string? IdNumber, string? Phone, string? Address,
    string InstitutionName, Guid? RecordId, string? Number, string? CreatedOn, string? CreatedBy, string? ResponsibleDoctor, IReadOnlyDictionary<string, string> Answers,
    IReadOnlyList<AnswerRow> Described, RecordStatus? Status, string? ClosedOn, string? CloseReason, string? LastService, bool InUse, IReadOnlyList<ServiceRow> Services,
    IReadOnlyList<HouseholdMemberRow> Household, bool CanEdit, int Version);

/// <summary>建档 or an update of the 个人基本信息表: the answers as form codes by field ("blood": "1", "payment": "3,7").</summary>
public sealed record HealthRecordRequest(Dictionary<string, string>? Answers, [Text(50)] string? ResponsibleDoctor, int Version);

/// <summary>Closes a record: the resident died or moved away (the date and reason); it leaves the counts from that month.</summary>
public sealed record CloseRecordRequest(DateOnly Date, [Text(200)] string? Reason, int Version);

/// <summary>The residents within reach: "all" (the default), "missing" (no record kept), "kept"; of one institution; found by a search.</summary>
public sealed record RecordsQuery([Text(16)] string? Show, Guid? Institution, [Text(40)] string? Q, [Bounds(1, 1_000_000)] int? Page, [Bounds(1, 500)] int? PageSize);

public sealed record RecordRow(Guid ResidentId, string Name, string SexName, int Age, string? Address, string InstitutionName, string? Number, string? CreatedOn);

/// <summary>The code table shipped with the module, read once.</summary>
public static class RecordCodeTable
{
    private static readonly Lazy<RecordCodes> Table = new(() =>
    {
        using var stream = typeof(RecordCodeTable).Assembly.GetManifestResourceStream("CountyHealth.PublicHealth.record-codes.tsv")
            ?? throw new InvalidOperationException("record-codes.tsv is not embedded");
        using var reader = new StreamReader(stream);
        return RecordCodes.Parse(reader.ReadToEnd());
    });

    public static RecordCodes Current => Table.Value;

    public static IReadOnlyList<RecordFieldView> Views => Current.Fields.Select(f => new RecordFieldView(f.Key, f.Name, f.Multi, f.Required,
        f.Options.Select(o => new OptionView(o.Code, o.Name)).ToList())).ToList();
}

/// <summary>Loads a resident and her record under the scope rule and shows them.</summary>
internal sealed class HealthRecordPages(CountyHealthDb db, IAccessScope scope, IResidentDirectory residents, IInstitutionDirectory institutions,
    ReferenceTable<ChildCheckSchedule> childSchedule, IVisitSummaries visits, TimeProvider clock)
{
    public const string NotFound = "未找到该居民";
    public const string Changed = "该档案已被他人修改，请刷新后再操作";

    public async Task<ResidentSummary?> FindResidentAsync(Guid residentId, CancellationToken ct)
    {
        var r = (await residents.GetManyAsync([residentId], ct)).GetValueOrDefault(residentId);
        return r is not null && await scope.AllowsAsync(PublicHealthPermissions.Records, r.ManagingInstitutionId, "Resident", r.Id, r.Id, ct) ? r : null;
    }

    /// <summary>The services that keep a record in use, newest first: outpatient visits, and follow-ups, doses given, checks and visits of every programme.</summary>
    public async Task<List<(DateOnly Date, string Kind, string Detail)>> ServicesAsync(Guid residentId, CancellationToken ct)
    {
        var followUps = await db.Set<ChronicFollowUp>().AsNoTracking().Where(f => f.ResidentId == residentId)
            .Select(f => new { f.Date, f.Programme, f.Class }).ToListAsync(ct);
        var doses = await db.Set<Vaccination>().AsNoTracking().Where(v => v.ResidentId == residentId && v.Source == DoseSource.Given)
            .Select(v => new { v.GivenOn, v.VaccineName, v.Dose }).ToListAsync(ct);
        var checks = await db.Set<ElderlyCheck>().AsNoTracking().Where(c => c.ResidentId == residentId).Select(c => new { c.Date, c.SelfCareGrade, c.Complete }).ToListAsync(ct);
        var mental = await db.Set<MentalFollowUp>().AsNoTracking().Where(f => f.ResidentId == residentId).Select(f => new { f.Date }).ToListAsync(ct);
        var tb = await db.Set<TbVisit>().AsNoTracking().Where(f => f.ResidentId == residentId).Select(f => new { f.Date }).ToListAsync(ct);
        var maternal = await db.Set<MaternalVisit>().AsNoTracking().Where(v => v.ResidentId == residentId).Select(v => new { v.Date, v.Contact, v.Number }).ToListAsync(ct);
        var child = await db.Set<ChildCheck>().AsNoTracking().Where(c => c.ResidentId == residentId).Select(c => new { c.Date, c.Contact }).ToListAsync(ct);
        var seen = await visits.SeenBetween(DateOnly.MinValue, DateOnly.MaxValue).Where(v => v.ResidentId == residentId).Select(v => new { v.Date, v.InstitutionId }).ToListAsync(ct);
        var places = seen.Count == 0 ? [] : (await institutions.ListAsync(ct)).ToDictionary(i => i.Id, i => i.Name);
        return followUps.Select(f => (f.Date, ChronicRules.NameOf(f.Programme) + "随访", ChronicRules.ClassName(f.Class)))
            .Concat(doses.Select(d => (d.GivenOn, "预防接种", $"{d.VaccineName}第{d.Dose}剂")))
            .Concat(checks.Select(c => (c.Date, "老年人健康体检", $"自理能力{ElderlyRules.GradeName(c.SelfCareGrade)}" + (c.Complete ? "" : "（辅助检查不全）"))))
            .Concat(maternal.Select(v => (v.Date, "孕产妇健康管理", MaternalRules.ContactName(v.Contact, v.Number))))
            .Concat(child.Select(c => (c.Date, "0～6岁儿童健康管理", childSchedule.Current.Find(c.Contact)?.Name ?? c.Contact)))
            // A mental-disorder or tuberculosis follow-up keeps the record in use; what it is and found stays in its own,
            // more closely held record (read with phs.mental or phs.tb, not with the health record).
            .Concat(mental.Concat(tb).Select(f => (f.Date, "重点人群随访", "")))
            // A visit is a medical record: where she was seen, not what for (read with the outpatient permissions).
            .Concat(seen.Select(v => (v.Date, "门诊就诊", places.GetValueOrDefault(v.InstitutionId) ?? "")))
            .OrderByDescending(s => s.Item1).ToList();
    }

    public async Task<HealthRecordView> ViewAsync(ResidentSummary r, HealthRecord? record, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var codes = RecordCodeTable.Current;
        var services = await ServicesAsync(r.Id, ct);
        var last = services.Count > 0 ? services[0].Date : (DateOnly?)null;
        var household = await residents.HouseholdOfAsync(r.Id, ct);
        var memberIds = household.Select(m => m.Member.Id).ToList();
        var numbers = await db.Set<HealthRecord>().AsNoTracking().Where(h => memberIds.Contains(h.ResidentId) && h.Status == RecordStatus.Active)
            .ToDictionaryAsync(h => h.ResidentId, h => h.Number, ct);
        var keeper = await institutions.FindAsync(record?.InstitutionId ?? r.ManagingInstitutionId, ct);
        return new HealthRecordView(r.Id, r.Name, r.SexName, r.AgeOn(today), ChinaTime.FormatDate(r.BirthDate), r.IdNumber, r.Phone, r.Address, keeper?.Name ?? "",
            record?.Id, record?.Number, record is null ? null : ChinaTime.FormatDate(record.CreatedOn), record?.CreatedBy, record?.ResponsibleDoctor,
            record is null ? new Dictionary<string, string>() : RecordCodes.Read(record.Answers),
            record is null ? [] : codes.Describe(record.Answers).Select(a => new AnswerRow(a.Field, a.Answer)).ToList(),
            record?.Status, record?.ClosedOn is { } closed ? ChinaTime.FormatDate(closed) : null, record?.CloseReason,
            last is { } l ? ChinaTime.FormatDate(l) : null, record?.Status == RecordStatus.Active && RecordCodes.InUse(last, today),
            services.Take(20).Select(s => new ServiceRow(ChinaTime.FormatDate(s.Date), s.Kind, s.Detail)).ToList(),
            household.Select(m => new HouseholdMemberRow(m.Member.Id, m.Member.Name, m.Member.SexName, m.Member.AgeOn(today), m.Relation, numbers.GetValueOrDefault(m.Member.Id))).ToList(),
            record is null || record.Status == RecordStatus.Active, record?.Version ?? 0);
    }
}

/// <summary>The 个人基本信息表's fields and option codes, for a form or an import.</summary>
internal sealed class ListRecordFields : IUseCase
{
    public Ok<IReadOnlyList<RecordFieldView>> Handle() => TypedResults.Ok(RecordCodeTable.Views);
}

internal sealed class GetHealthRecord(CountyHealthDb db, HealthRecordPages pages, AuditLog audit) : IUseCase
{
    public async Task<Results<Ok<HealthRecordView>, ProblemHttpResult>> HandleAsync(Guid residentId, CancellationToken ct)
    {
        if (await pages.FindResidentAsync(residentId, ct) is not { } r)
        {
            return Problems.NotFound(HealthRecordPages.NotFound);
        }
        var record = await db.Set<HealthRecord>().AsNoTracking().FirstOrDefaultAsync(h => h.ResidentId == r.Id, ct);
        await audit.ReadAsync("Resident", r.Id, r.Id, "居民健康档案");
        return TypedResults.Ok(await pages.ViewAsync(r, record, ct));
    }
}

/// <summary>
/// 建档 (the first save gives the record its 17-digit number, the next serial of the resident's village) or an update of
/// the 个人基本信息表; every answer checked against the code table, nothing saved when one is wrong.
/// </summary>
internal sealed class SaveHealthRecord(CountyHealthDb db, HealthRecordPages pages, IInstitutionDirectory institutions, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<HealthRecordView>, Created<HealthRecordView>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid residentId, HealthRecordRequest r, CancellationToken ct)
    {
        var e = FieldErrors.For(r);
        var answers = r.Answers ?? [];
        foreach (var (field, message) in RecordCodeTable.Current.Check(answers))
        {
            e.Add("answers." + field, message);
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        if (await pages.FindResidentAsync(residentId, ct) is not { } resident)
        {
            return Problems.NotFound(HealthRecordPages.NotFound);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var record = await db.Set<HealthRecord>().FirstOrDefaultAsync(h => h.ResidentId == resident.Id, ct);
        if (record is not null)
        {
            if (record.Status != RecordStatus.Active)
            {
                return Problems.Conflict("该档案已结案，不能修改");
            }
            if (record.Version != r.Version)
            {
                return Problems.Conflict(HealthRecordPages.Changed);
            }
            record.Answers = RecordCodeTable.Current.Format(answers);
            record.ResponsibleDoctor = string.IsNullOrWhiteSpace(r.ResponsibleDoctor) ? record.ResponsibleDoctor : r.ResponsibleDoctor.Trim();
            record.UpdatedAt = now;
            record.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Problems.Conflict(HealthRecordPages.Changed);
            }
            return TypedResults.Ok(await pages.ViewAsync(resident, record, ct));
        }
        var keeper = await institutions.FindAsync(resident.ManagingInstitutionId, ct);
        var prefix = RecordCodes.NumberPrefix(keeper?.Code ?? "");
        // The next serial of the village; two clerks numbering at once collide on the unique number and the second retries.
        for (var attempt = 0; ; attempt++)
        {
            var last = await db.Set<HealthRecord>().Where(h => h.Number.StartsWith(prefix)).MaxAsync(h => (string?)h.Number, ct);
            var serial = last is null ? 1 : int.Parse(last[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture) + 1;
            record = new HealthRecord
            {
                ResidentId = resident.Id,
                InstitutionId = resident.ManagingInstitutionId,
                Number = RecordCodes.Number(prefix, serial),
                CreatedOn = ChinaTime.Today(clock),
                CreatedBy = user.FullName,
                ResponsibleDoctor = string.IsNullOrWhiteSpace(r.ResponsibleDoctor) ? user.FullName : r.ResponsibleDoctor.Trim(),
                Answers = RecordCodeTable.Current.Format(answers),
                UpdatedAt = now,
            };
            db.Add(record);
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.Entry(record).State = EntityState.Detached;
                if (await db.Set<HealthRecord>().AnyAsync(h => h.ResidentId == resident.Id, ct))
                {
                    return Problems.Conflict("该居民已建档，请刷新后查看");
                }
            }
        }
        return TypedResults.Created($"/api/v1/public-health/records/{resident.Id}", await pages.ViewAsync(resident, record, ct));
    }
}

/// <summary>Closes a record with its date and reason (死亡, 迁出); it keeps its number and leaves the counts from that month.</summary>
internal sealed class CloseHealthRecord(CountyHealthDb db, HealthRecordPages pages, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<HealthRecordView>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid residentId, CloseRecordRequest r, CancellationToken ct)
    {
        if (await pages.FindResidentAsync(residentId, ct) is not { } resident
            || await db.Set<HealthRecord>().FirstOrDefaultAsync(h => h.ResidentId == resident.Id, ct) is not { } record)
        {
            return Problems.NotFound("未找到该居民的健康档案");
        }
        if (record.Status != RecordStatus.Active)
        {
            return Problems.Conflict("该档案已结案");
        }
        if (record.Version != r.Version)
        {
            return Problems.Conflict(HealthRecordPages.Changed);
        }
        var e = FieldErrors.For(r);
        if (string.IsNullOrWhiteSpace(r.Reason))
        {
            e.Add("reason", "请写明结案原因（死亡、迁出）");
        }
        if (r.Date < record.CreatedOn || r.Date > ChinaTime.Today(clock))
        {
            e.Add("date", $"结案日期应在建档日期（{record.CreatedOn:yyyy-MM-dd}）与今天之间");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        (record.Status, record.ClosedOn, record.CloseReason, record.UpdatedAt) = (RecordStatus.Closed, r.Date, r.Reason!.Trim(), clock.GetUtcNow().UtcDateTime);
        record.Version++;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await pages.ViewAsync(resident, record, ct));
    }
}

/// <summary>The residents of the clinics within reach with their record numbers: who has no record yet (建档 to do), who has.</summary>
internal sealed class ListHealthRecords(CountyHealthDb db, IAccessScope scope, IResidentDirectory residents, IInstitutionDirectory institutions, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<Page<RecordRow>>, ValidationProblem, ProblemHttpResult>> HandleAsync(RecordsQuery q, CancellationToken ct)
    {
        var (e, list) = await scope.OpenListAsync(q, q.Show, ["all", "missing", "kept"], PublicHealthPermissions.Records, q.Institution, ct);
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
        var people = residents.BornBetween(DateOnly.MinValue, today).Where(p => within.Contains(p.ManagingInstitutionId));
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var found = residents.MatchingResidentIds(q.Q);
            people = people.Where(p => found.Contains(p.Id));
        }
        // A plain left join (a resident has at most one record): a correlated "first record" made the database number every
        // record of the county before joining a village's residents.
        var rows = from p in people
                   join h in db.Set<HealthRecord>().AsNoTracking().Where(h => h.Status == RecordStatus.Active) on p.Id equals h.ResidentId into records
                   from h in records.DefaultIfEmpty()
                   select new { p.Id, p.ManagingInstitutionId, Number = h == null ? null : h.Number, CreatedOn = h == null ? (DateOnly?)null : h.CreatedOn };
        rows = (q.Show ?? "all") switch
        {
            "missing" => rows.Where(x => x.Number == null),
            "kept" => rows.Where(x => x.Number != null),
            _ => rows,
        };
        var paging = new Paging(q.Page ?? 1, q.PageSize ?? 100);
        var page = await rows.OrderBy(x => x.Number == null ? 0 : 1).ThenBy(x => x.Number).ThenBy(x => x.Id).Skip(paging.Skip).Take(paging.Size + 1).ToListAsync(ct);
        var summaries = await residents.GetManyAsync(page.Select(x => x.Id), ct);
        var names = (await institutions.ListAsync(ct)).ToDictionary(i => i.Id, i => i.Name);
        await audit.SearchAsync(nameof(HealthRecord), $"居民健康档案名单：{q.Show ?? "all"}，{Math.Min(page.Count, paging.Size)} 人");
        return TypedResults.Ok(new Page<RecordRow>(page.Take(paging.Size).Select(x =>
        {
            var r = summaries.GetValueOrDefault(x.Id);
            return new RecordRow(x.Id, r?.Name ?? "", r?.SexName ?? "", r?.AgeOn(today) ?? 0, r?.Address, names.GetValueOrDefault(x.ManagingInstitutionId, ""),
                x.Number, x.CreatedOn is { } made ? ChinaTime.FormatDate(made) : null);
        }).ToList(), paging.Number, paging.Size, page.Count > paging.Size, null));
    }
}
