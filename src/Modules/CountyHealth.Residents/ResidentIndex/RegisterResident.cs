using System.Text.RegularExpressions;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
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

public sealed partial record ResidentRequest(string Name, Sex Sex, DateOnly? BirthDate, string? IdNumber, string? Phone, [Text(200)] string? Address, string? Ethnicity)
{
    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex("^(0[0-9]{2,3}-?)?[0-9]{7,8}$")]
    private static partial Regex Landline();

    /// <summary>Name, sex and birth date required; an ID number valid by GB 11643 and agreeing with sex and birth date; a mobile or landline number.</summary>
    internal FieldErrors Validate(DateOnly today, out IdNumberInfo? info)
    {
        info = null;
        var e = FieldErrors.For(this).Require("name", Name, "姓名", 50);
        if (Sex is not (Sex.Male or Sex.Female))
        {
            e.Add("sex", "请选择性别");
        }
        if (BirthDate is not { } birth)
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
        if (!string.IsNullOrWhiteSpace(IdNumber))
        {
            if (!ChineseIdNumber.TryParse(IdNumber, today, out info, out var error))
            {
                e.Add("idNumber", error!);
            }
            else if (BirthDate is { } b && Sex is Sex.Male or Sex.Female && ChineseIdNumber.CheckConsistency(info!, Sex, b) is { } mismatch)
            {
                e.Add(mismatch.StartsWith("性别", StringComparison.Ordinal) ? "sex" : "birthDate", mismatch);
            }
        }
        if (!string.IsNullOrWhiteSpace(Phone) && !Mobile().IsMatch(Phone.Trim()) && !Landline().IsMatch(Phone.Trim()))
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

public sealed record ResidentRegistered(ResidentRow Resident, bool Existing);

/// <summary>
/// Registers a resident at the user's institution. An ID number already in the index is the same person only when the
/// name, sex and birth date given are hers: then she is linked to this institution for care (audited) and returned;
/// otherwise the registration is refused without saying whose the number is.
/// </summary>
internal sealed class RegisterResident(CountyHealthDb db, ICurrentUser user, ResidentRecords records, ResidentCache cache, AuditLog audit, TimeProvider clock) : IUseCase
{
    /// <summary>What a mismatch answers: it names no stored detail, so the index cannot be read by guessing ID numbers.</summary>
    internal const string IdentityMismatch = "该身份证号已在居民档案中登记，但姓名、性别或出生日期与档案不一致。请核对证件；如档案有误，请由其建档机构更正。";

    public async Task<Results<Ok<ResidentRegistered>, Created<ResidentRegistered>, ValidationProblem, ProblemHttpResult>> HandleAsync(ResidentRequest r, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var e = r.Validate(today, out var info);
        if (user.InstitutionId is null)
        {
            e.Add("institution", "当前账户未归属机构，不能登记居民");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var institution = user.InstitutionId!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        if (info is not null && await db.Set<Resident>().FirstOrDefaultAsync(x => x.IdNumber == info.Normalized, ct) is { } existing)
        {
            return await LinkExistingAsync(existing, r, institution, now, today, ct);
        }
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
        // A new resident has no links yet: no query to look for one.
        db.Add(new ResidentInstitution { ResidentId = resident.Id, InstitutionId = institution, Since = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (info is not null)
        {
            // A concurrent registration of the same ID number won the race: the same rules apply to the winner.
            db.ChangeTracker.Clear();
            var winner = await db.Set<Resident>().FirstAsync(x => x.IdNumber == info.Normalized, ct);
            return await LinkExistingAsync(winner, r, institution, now, today, ct);
        }
        cache.Put(ResidentRecords.ToSummary(resident), [institution]);
        return TypedResults.Created($"/api/v1/residents/{resident.Id}", new ResidentRegistered(ResidentRecords.ToRow(resident, today), false));
    }

    private async Task<Results<Ok<ResidentRegistered>, Created<ResidentRegistered>, ValidationProblem, ProblemHttpResult>> LinkExistingAsync(
        Resident existing, ResidentRequest r, Guid institution, DateTime now, DateOnly today, CancellationToken ct)
    {
        if (!IdentityMatch.Same(existing.Name, existing.Sex, existing.BirthDate, r.Name, r.Sex, r.BirthDate!.Value))
        {
            await audit.DeniedAsync(nameof(Resident), existing.Id, existing.Id, "登记时身份证号已存在，但姓名、性别或出生日期不符");
            return Problems.Conflict(IdentityMismatch);
        }
        await records.LinkAsync(existing.Id, institution, now, ct);
        audit.Add(AuditActions.Link, nameof(Resident), existing.Id.ToString(), existing.Id, "按身份证号与姓名核对一致，关联本机构就诊");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ResidentRegistered(ResidentRecords.ToRow(existing, today), true));
    }
}
