using System.Text.RegularExpressions;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Text;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Residents.ResidentIndex;

/// <summary>A resident's contact details: both are sent, an empty one clears it (a field left out is refused, never wiped).</summary>
public sealed partial record ResidentContactRequest(string? Phone, [Text(200)] string? Address)
{
    [GeneratedRegex("^(1[3-9][0-9]{9}|(0[0-9]{2,3}-?)?[0-9]{7,8})$")]
    internal static partial Regex PhoneNumber();

    internal FieldErrors Validate()
    {
        var e = FieldErrors.For(this);
        if (!string.IsNullOrWhiteSpace(Phone) && !PhoneNumber().IsMatch(Phone.Trim()))
        {
            e.Add("phone", "电话号码格式不正确（手机11位或固定电话）");
        }
        if (Address is { Length: > 200 })
        {
            e.Add("address", "地址不能超过200个字");
        }
        return e;
    }
}

/// <summary>Changes a resident's phone and address, at an institution that knows her; her identity is not touched here.</summary>
internal sealed class UpdateResident(CountyHealthDb db, ResidentRecords records, ResidentCache cache, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<ResidentRow>, ProblemHttpResult, ValidationProblem>> HandleAsync(Guid id, ResidentContactRequest r, CancellationToken ct)
    {
        if (await records.FindAsync(id, ResidentsPermissions.EditContact, track: true, ct) is not { } resident)
        {
            return Problems.NotFound("未找到该居民，或不在本账户可修改的范围内");
        }
        var e = r.Validate();
        if (e.Any)
        {
            return e.ToProblem();
        }
        resident.Phone = string.IsNullOrWhiteSpace(r.Phone) ? null : r.Phone.Trim();
        resident.Address = string.IsNullOrWhiteSpace(r.Address) ? null : r.Address.Trim();
        resident.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        resident.Version++;
        await db.SaveChangesAsync(ct);
        cache.Forget(id);
        return TypedResults.Ok(ResidentRecords.ToRow(resident, ChinaTime.Today(clock)));
    }
}

/// <summary>A correction of identity, with the reason for it.</summary>
public sealed record ResidentIdentityRequest(string Name, Sex Sex, DateOnly? BirthDate, string? IdNumber, [Text(200)] string Reason);

public sealed record IdentityChangeRow(DateTime ChangedAt, string ChangedAtChina, string ChangedBy, string Reason,
    string OldName, string OldSexName, DateOnly OldBirthDate, string? OldIdNumber, string NewName, string NewSexName, DateOnly NewBirthDate, string? NewIdNumber);

/// <summary>
/// Corrects a resident's name, sex, birth date or ID number: only at her home institution, by the role that keeps the
/// index, with a reason; the values replaced are kept.
/// </summary>
internal sealed class CorrectIdentity(CountyHealthDb db, ResidentRecords records, ResidentCache cache, Kernel.Security.ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<ResidentRow>, ProblemHttpResult, ValidationProblem>> HandleAsync(Guid id, ResidentIdentityRequest r, CancellationToken ct)
    {
        if (await records.FindAsync(id, ResidentsPermissions.EditIdentity, track: true, ct) is not { } resident)
        {
            return Problems.NotFound("未找到该居民，或其身份信息不由本机构维护");
        }
        var today = ChinaTime.Today(clock);
        var e = new ResidentRequest(r.Name, r.Sex, r.BirthDate, r.IdNumber, resident.Phone, resident.Address, resident.Ethnicity).Validate(today, out var info);
        e.Require("reason", r.Reason, "更正原因", 200);
        if (info is not null && resident.IdNumber != info.Normalized && await db.Set<Resident>().AnyAsync(x => x.IdNumber == info.Normalized, ct))
        {
            e.Add("idNumber", "该身份证号已登记为其他居民，请先核实是否为同一人");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new ResidentIdentityChange
        {
            ResidentId = resident.Id,
            ChangedAt = now,
            ChangedBy = user.UserName,
            InstitutionId = user.InstitutionId!.Value,
            Reason = r.Reason.Trim(),
            OldName = resident.Name,
            OldSex = resident.Sex,
            OldBirthDate = resident.BirthDate,
            OldIdNumber = resident.IdNumber,
            NewName = r.Name.Trim(),
            NewSex = r.Sex,
            NewBirthDate = r.BirthDate!.Value,
            NewIdNumber = info?.Normalized,
        });
        resident.Name = r.Name.Trim();
        resident.Pinyin = PinyinInitials.OfName(resident.Name);
        resident.Sex = r.Sex;
        resident.BirthDate = r.BirthDate!.Value;
        resident.IdNumber = info?.Normalized;
        resident.UpdatedAt = now;
        resident.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (info is not null)
        {
            return Problems.Field("idNumber", "该身份证号已登记为其他居民，请先核实是否为同一人");
        }
        cache.Forget(id);
        return TypedResults.Ok(ResidentRecords.ToRow(resident, today));
    }
}

/// <summary>The corrections of a resident's identity, newest first, to those who may read her.</summary>
internal sealed class IdentityChanges(CountyHealthDb db, ResidentRecords records, Kernel.Auditing.AuditLog audit) : IUseCase
{
    public async Task<Results<Ok<List<IdentityChangeRow>>, ProblemHttpResult>> HandleAsync(Guid id, CancellationToken ct)
    {
        if (await records.FindAsync(id, ResidentsPermissions.Read, track: false, ct) is null)
        {
            return Problems.NotFound("未找到该居民，或不在本机构管辖范围内");
        }
        var rows = await db.Set<ResidentIdentityChange>().AsNoTracking().Where(c => c.ResidentId == id).OrderByDescending(c => c.ChangedAt).ToListAsync(ct);
        await audit.ReadAsync(nameof(ResidentIdentityChange), id, id);
        return TypedResults.Ok(rows.Select(c => new IdentityChangeRow(c.ChangedAt, ChinaTime.Format(c.ChangedAt), c.ChangedBy, c.Reason,
            c.OldName, SexNames.Of(c.OldSex), c.OldBirthDate, c.OldIdNumber, c.NewName, SexNames.Of(c.NewSex), c.NewBirthDate, c.NewIdNumber)).ToList());
    }
}
