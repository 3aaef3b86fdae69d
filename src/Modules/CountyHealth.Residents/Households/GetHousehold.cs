using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Web;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;
using CountyHealth.Residents.ResidentIndex;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Residents.Households;

public sealed record HouseholdMemberRow(Guid ResidentId, string Name, string SexName, int Age, string? Relation, string RelationName);

public sealed record HouseholdView(Guid Id, string Number, string Address, IReadOnlyList<HouseholdMemberRow> Members);

/// <summary>The household (户) a resident belongs to and its members, the head first.</summary>
internal sealed class GetHousehold(CountyHealthDb db, ResidentRecords records, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<HouseholdView>, ProblemHttpResult>> HandleAsync(Guid residentId, CancellationToken ct)
    {
        if (await records.FindAsync(residentId, ResidentsPermissions.ReadHousehold, track: false, ct) is not { } resident)
        {
            return Problems.NotFound("未找到该居民，或不在本机构管辖范围内");
        }
        var household = resident.HouseholdId is { } hid ? await db.Set<Household>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == hid, ct) : null;
        if (household is null)
        {
            return Problems.NotFound("该居民尚未建立家庭户");
        }
        var members = await db.Set<Resident>().AsNoTracking().Where(r => r.HouseholdId == household.Id).ToListAsync(ct);
        await audit.ReadAsync(nameof(Household), household.Id, residentId);
        var today = ChinaTime.Today(clock);
        var rows = members
            .OrderBy(m => m.RelationToHead ?? "zz", StringComparer.Ordinal).ThenBy(m => m.BirthDate)
            .Select(m =>
            {
                var s = ResidentRecords.ToSummary(m);
                return new HouseholdMemberRow(m.Id, m.Name, s.SexName, s.AgeOn(today), m.RelationToHead,
                    m.RelationToHead is { } code ? HouseholdRelations.ChineseNames.GetValueOrDefault(code, "其他") : "未填");
            })
            .ToList();
        return TypedResults.Ok(new HouseholdView(household.Id, household.Number, household.Address, rows));
    }
}
