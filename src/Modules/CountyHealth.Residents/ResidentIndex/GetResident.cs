using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Web;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CountyHealth.Residents.ResidentIndex;

/// <summary>One resident of the index, if the user may see her.</summary>
internal sealed class GetResident(ResidentRecords records, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<ResidentRow>, ProblemHttpResult>> HandleAsync(Guid id, CancellationToken ct)
    {
        if (await records.FindAsync(id, ResidentsPermissions.Read, track: false, ct) is not { } r)
        {
            return Problems.NotFound("未找到该居民，或不在本机构管辖范围内");
        }
        await audit.ReadAsync(nameof(Resident), id, id);
        return TypedResults.Ok(ResidentRecords.ToRow(r, ChinaTime.Today(clock)));
    }
}
