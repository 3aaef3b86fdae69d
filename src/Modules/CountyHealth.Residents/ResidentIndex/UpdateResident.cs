using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Text;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Web;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Residents.ResidentIndex;

/// <summary>Changes a resident's details; an ID number may not be one another resident holds.</summary>
internal sealed class UpdateResident(CountyHealthDb db, ResidentRecords records, ResidentCache cache, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<ResidentRow>, ProblemHttpResult, ValidationProblem>> HandleAsync(Guid id, ResidentRequest r, CancellationToken ct)
    {
        if (await records.FindReadableAsync(id, track: true, ct) is not { } resident)
        {
            return Problems.NotFound("未找到该居民，或不在本机构管辖范围内");
        }
        var today = ChinaTime.Today(clock);
        var e = r.Validate(today, out var info);
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
        cache.Forget(id);
        return TypedResults.Ok(ResidentRecords.ToRow(resident, today));
    }
}
