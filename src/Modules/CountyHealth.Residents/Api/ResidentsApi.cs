using System.Text.RegularExpressions;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Text;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Residents.Api;

public sealed record ResidentRequest(string Name, Sex Sex, DateOnly? BirthDate, string? IdNumber, string? Phone, string? Address, string? Ethnicity);
public sealed record ResidentRegistered(ResidentRow Resident, bool Existing);
public sealed record HouseholdMemberRow(Guid ResidentId, string Name, string SexName, int Age, string? Relation, string RelationName);
public sealed record HouseholdView(Guid Id, string Number, string Address, IReadOnlyList<HouseholdMemberRow> Members);

internal static partial class ResidentsApi
{
    public static void MapResidentEndpoints(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/residents").WithTags("居民").RequireAuthorization(p => p.RequireRole(Roles.ResidentReaders.Split(',')));
        g.MapGet("/", Search).WithName("SearchResidents").WithSummary("按姓名、拼音首字母、身份证号（全部或后几位）或电话（全部或尾号）查找居民（本机构及下级）");
        g.MapGet("/{id:guid}", Get).WithName("GetResident").WithSummary("居民详情");
        g.MapGet("/{id:guid}/household", GetHousehold).WithName("GetResidentHousehold").WithSummary("居民所在家庭户及其成员（户主在前）");
        g.MapPost("/", Register).WithName("RegisterResident").WithSummary("登记居民；身份证号已存在时返回已有居民，不重复建档");
        g.MapPut("/{id:guid}", Update).WithName("UpdateResident").WithSummary("修改居民联系方式与地址");
    }

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex("^(0[0-9]{2,3}-?)?[0-9]{7,8}$")]
    private static partial Regex Landline();

    internal static ResidentRow ToRow(Resident r, DateOnly today)
    {
        var s = ResidentDirectory.ToSummary(r);
        return new ResidentRow(r.Id, r.Name, r.Pinyin, r.Sex, s.SexName, r.BirthDate, s.AgeOn(today), r.IdNumber, r.Phone, r.Address);
    }

    internal static async Task<Page<ResidentRow>> Search(string? q, int? page, int? pageSize, CountyHealthDb db, IAccessScope scope,
        IResidentDirectory directory, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var visible = await scope.VisibleInstitutionsAsync(ct);
        var size = Math.Clamp(pageSize ?? 20, 1, 100);
        var query = ResidentSearch.Apply(db.Set<Resident>().AsNoTracking(), q);
        // The county's root (the bureau) sees every resident: no per-row scope check for it.
        if (!await scope.SeesEverythingAsync(ct))
        {
            query = query.Where(r => directory.VisibleResidentIds(visible).Contains(r.Id));
        }
        var rows = await ResidentSearch.Order(query, q).Skip(Math.Max(0, (page ?? 0) * size)).Take(size + 1).ToListAsync(ct);
        var today = ChinaTime.Today(clock);
        await audit.WriteAsync(AuditActions.Search, nameof(Resident), null, detail: $"q={q}; {Math.Min(rows.Count, size)} 条");
        // The total is "at least" when a further page exists; counting a county-wide match set costs more than it helps.
        var total = (page ?? 0) * size + rows.Count;
        return new Page<ResidentRow>(rows.Take(size).Select(r => ToRow(r, today)).ToList(), total);
    }

    private static async Task<Results<Ok<ResidentRow>, ProblemHttpResult>> Get(Guid id, CountyHealthDb db, IResidentDirectory directory, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (await directory.FindVisibleAsync(id, ct) is null)
        {
            return Problems.NotFound("未找到该居民，或不在本机构管辖范围内");
        }
        var r = await db.Set<Resident>().AsNoTracking().FirstAsync(x => x.Id == id, ct);
        await audit.WriteAsync(AuditActions.Read, nameof(Resident), id.ToString(), id);
        return TypedResults.Ok(ToRow(r, ChinaTime.Today(clock)));
    }

    internal static async Task<Results<Ok<HouseholdView>, ProblemHttpResult>> GetHousehold(Guid id, CountyHealthDb db, IResidentDirectory directory, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (await directory.FindVisibleAsync(id, ct) is null)
        {
            return Problems.NotFound("未找到该居民，或不在本机构管辖范围内");
        }
        var householdId = await db.Set<Resident>().Where(r => r.Id == id).Select(r => r.HouseholdId).FirstAsync(ct);
        var household = householdId is null ? null : await db.Set<Household>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null)
        {
            return Problems.NotFound("该居民尚未建立家庭户");
        }
        var members = await db.Set<Resident>().AsNoTracking().Where(r => r.HouseholdId == household.Id).ToListAsync(ct);
        await audit.WriteAsync(AuditActions.Read, nameof(Household), household.Id.ToString(), id);
        var today = ChinaTime.Today(clock);
        var rows = members
            .OrderBy(m => m.RelationToHead ?? "zz", StringComparer.Ordinal).ThenBy(m => m.BirthDate)
            .Select(m =>
            {
                var s = ResidentDirectory.ToSummary(m);
                return new HouseholdMemberRow(m.Id, m.Name, s.SexName, s.AgeOn(today), m.RelationToHead,
                    m.RelationToHead is { } code ? HouseholdRelations.ChineseNames.GetValueOrDefault(code, "其他") : "未填");
            })
            .ToList();
        return TypedResults.Ok(new HouseholdView(household.Id, household.Number, household.Address, rows));
    }

    internal static FieldErrors Validate(ResidentRequest r, DateOnly today, out IdNumberInfo? info)
    {
        info = null;
        var e = new FieldErrors().Require("name", r.Name, "姓名", 50);
        if (r.Sex is not (Sex.Male or Sex.Female))
        {
            e.Add("sex", "请选择性别");
        }
        if (r.BirthDate is not { } birth)
        {
            e.Add("birthDate", "请填写出生日期");
        }
        else if (birth > today)
        {
            e.Add("birthDate", "出生日期不能晚于今天");
        }
        else if (birth < today.AddYears(-130))
        {
            e.Add("birthDate", "出生日期过早，请核对");
        }
        if (!string.IsNullOrWhiteSpace(r.IdNumber))
        {
            if (!ChineseIdNumber.TryParse(r.IdNumber, today, out info, out var error))
            {
                e.Add("idNumber", error!);
            }
            else if (r.BirthDate is { } b && r.Sex is Sex.Male or Sex.Female && ChineseIdNumber.CheckConsistency(info!, r.Sex, b) is { } mismatch)
            {
                e.Add(mismatch.StartsWith("性别", StringComparison.Ordinal) ? "sex" : "birthDate", mismatch);
            }
        }
        if (!string.IsNullOrWhiteSpace(r.Phone) && !Mobile().IsMatch(r.Phone.Trim()) && !Landline().IsMatch(r.Phone.Trim()))
        {
            e.Add("phone", "电话号码格式不正确（手机11位或固定电话）");
        }
        if (r.Address is { Length: > 200 })
        {
            e.Add("address", "地址不能超过200个字");
        }
        return e;
    }

    internal static async Task<Results<Ok<ResidentRegistered>, Created<ResidentRegistered>, ValidationProblem>> Register(
        ResidentRequest r, CountyHealthDb db, ICurrentUser user, IResidentDirectory directory, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var e = Validate(r, today, out var info);
        if (user.InstitutionId is null)
        {
            e.Add("institution", "当前账户未归属机构，不能登记居民");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var institution = user.InstitutionId!.Value;
        if (info is not null)
        {
            // The MPI finds the existing resident instead of creating a twin, county-wide; the lookup is audited.
            var existing = await db.Set<Resident>().FirstOrDefaultAsync(x => x.IdNumber == info.Normalized, ct);
            if (existing is not null)
            {
                await directory.LinkToInstitutionAsync(existing.Id, institution, ct);
                audit.Add(AuditActions.Read, nameof(Resident), existing.Id.ToString(), existing.Id, "按身份证号找到已有居民");
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(new ResidentRegistered(ToRow(existing, today), true));
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var resident = new Resident
        {
            Name = r.Name.Trim(),
            Pinyin = PinyinInitials.OfName(r.Name.Trim()),
            Sex = r.Sex,
            BirthDate = r.BirthDate!.Value,
            IdNumber = info?.Normalized,
            Phone = string.IsNullOrWhiteSpace(r.Phone) ? null : r.Phone.Trim(),
            Address = string.IsNullOrWhiteSpace(r.Address) ? null : r.Address.Trim(),
            Ethnicity = r.Ethnicity,
            ManagingInstitutionId = institution,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(resident);
        await directory.LinkToInstitutionAsync(resident.Id, institution, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (info is not null)
        {
            // A concurrent registration of the same ID number won the race: return that one.
            db.ChangeTracker.Clear();
            var winner = await db.Set<Resident>().AsNoTracking().FirstAsync(x => x.IdNumber == info.Normalized, ct);
            return TypedResults.Ok(new ResidentRegistered(ToRow(winner, today), true));
        }
        return TypedResults.Created($"/api/v1/residents/{resident.Id}", new ResidentRegistered(ToRow(resident, today), false));
    }

    private static async Task<Results<Ok<ResidentRow>, ProblemHttpResult, ValidationProblem>> Update(Guid id, ResidentRequest r, CountyHealthDb db,
        IResidentDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        if (await directory.FindVisibleAsync(id, ct) is null)
        {
            return Problems.NotFound("未找到该居民，或不在本机构管辖范围内");
        }
        var today = ChinaTime.Today(clock);
        var e = Validate(r, today, out var info);
        var resident = await db.Set<Resident>().FirstAsync(x => x.Id == id, ct);
        if (info is not null && resident.IdNumber != info.Normalized && await db.Set<Resident>().AnyAsync(x => x.IdNumber == info.Normalized, ct))
        {
            e.Add("idNumber", "该身份证号已登记为其他居民");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        resident.Name = r.Name.Trim();
        resident.Pinyin = PinyinInitials.OfName(resident.Name);
        resident.Sex = r.Sex;
        resident.BirthDate = r.BirthDate!.Value;
        resident.IdNumber = info?.Normalized ?? resident.IdNumber;
        resident.Phone = string.IsNullOrWhiteSpace(r.Phone) ? null : r.Phone.Trim();
        resident.Address = string.IsNullOrWhiteSpace(r.Address) ? null : r.Address.Trim();
        resident.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        resident.Version++;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToRow(resident, today));
    }
}

/// <summary>How a search box query maps to the index: 18 digits exact ID, 11-digit mobile exact phone, 4–17 digits the tail of an ID or phone number, letters pinyin initials, Chinese a name prefix.</summary>
internal static class ResidentSearch
{
    public static IQueryable<Resident> Apply(IQueryable<Resident> rows, string? query)
    {
        var q = (query ?? "").Trim();
        if (q.Length == 0)
        {
            return rows;
        }
        if (q.Length == 18 && q[..17].All(char.IsAsciiDigit))
        {
            var id = q.ToUpperInvariant();
            return rows.Where(r => r.IdNumber == id);
        }
        if (q.All(char.IsAsciiDigit) || (q.Length > 4 && q[..^1].All(char.IsAsciiDigit) && q[^1] is 'x' or 'X'))
        {
            if (q.Length == 11 && q[0] == '1')
            {
                return rows.Where(r => r.Phone == q);
            }
            // A shorter run of digits is the tail of an ID or phone number (身份证后六位, 手机尾号): a prefix range
            // on the reversed columns, so the county's 1.85 million rows are never scanned.
            var tail = Resident.Reversed(q.ToUpperInvariant())!;
            var tailEnd = tail + '\uffff';
            return tail.Length < 4 ? rows.Where(r => false) : rows.Where(r =>
                (r.IdNumberReversed != null && r.IdNumberReversed.CompareTo(tail) >= 0 && r.IdNumberReversed.CompareTo(tailEnd) < 0)
                || (r.PhoneReversed != null && r.PhoneReversed.CompareTo(tail) >= 0 && r.PhoneReversed.CompareTo(tailEnd) < 0));
        }
        if (q.All(char.IsAsciiLetter))
        {
            var py = q.ToUpperInvariant();
            var pyEnd = py + '\uffff';
            return rows.Where(r => r.Pinyin.CompareTo(py) >= 0 && r.Pinyin.CompareTo(pyEnd) < 0);
        }
        // A prefix as a range (name >= q and name < q + U+FFFF), so both databases walk the name index.
        var end = q + '\uffff';
        return rows.Where(r => r.Name.CompareTo(q) >= 0 && r.Name.CompareTo(end) < 0);
    }

    /// <summary>Results in the order of the index the query walks, so the database can stop after one page.</summary>
    public static IQueryable<Resident> Order(IQueryable<Resident> rows, string? query) =>
        (query ?? "").Trim() is { Length: > 0 } q && q.All(char.IsAsciiLetter)
            ? rows.OrderBy(r => r.Pinyin).ThenBy(r => r.Name).ThenBy(r => r.Id)
            : rows.OrderBy(r => r.Name).ThenBy(r => r.BirthDate).ThenBy(r => r.Id);
}
