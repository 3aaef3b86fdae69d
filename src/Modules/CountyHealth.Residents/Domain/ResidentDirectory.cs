using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Residents.Domain;

internal sealed class ResidentDirectory(CountyHealthDb db, IAccessScope scope, AuditLog audit, TimeProvider clock) : IResidentDirectory
{
    /// <summary>Institutions each resident looked up in this scope is linked to: registering a visit needs no second query.</summary>
    private readonly Dictionary<Guid, List<Guid>> links = [];

    public async Task<ResidentSummary?> FindVisibleAsync(Guid residentId, CancellationToken ct = default)
    {
        var visible = await scope.VisibleInstitutionsAsync(ct);
        // The resident and the institutions she is linked to in one round trip.
        var found = await db.Set<Resident>().AsNoTracking().Where(r => r.Id == residentId).OrderBy(r => r.Id)
            .Select(r => new { Resident = r, Links = db.Set<ResidentInstitution>().Where(l => l.ResidentId == r.Id).Select(l => l.InstitutionId).ToList() })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }
        links[residentId] = found.Links;
        if (!found.Links.Any(visible.Contains))
        {
            await audit.WriteAsync(AuditActions.Denied, nameof(Resident), residentId.ToString(), residentId, "不在本机构及下级机构管辖范围内");
            return null;
        }
        return ToSummary(found.Resident);
    }

    public async Task<IReadOnlyDictionary<Guid, ResidentSummary>> GetManyAsync(IEnumerable<Guid> residentIds, CancellationToken ct = default)
    {
        var ids = residentIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, ResidentSummary>();
        }
        var rows = await db.Set<Resident>().AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, ToSummary);
    }

    public async Task LinkToInstitutionAsync(Guid residentId, Guid institutionId, CancellationToken ct = default)
    {
        var exists = db.ChangeTracker.Entries<ResidentInstitution>().Any(e => e.Entity.ResidentId == residentId && e.Entity.InstitutionId == institutionId)
            || (links.TryGetValue(residentId, out var known)
                ? known.Contains(institutionId)
                : await db.Set<ResidentInstitution>().AnyAsync(l => l.ResidentId == residentId && l.InstitutionId == institutionId, ct));
        if (!exists)
        {
            db.Add(new ResidentInstitution { ResidentId = residentId, InstitutionId = institutionId, Since = clock.GetUtcNow().UtcDateTime });
        }
    }

    public IQueryable<Guid> VisibleResidentIds(IReadOnlyCollection<Guid> institutionIds) =>
        db.Set<ResidentInstitution>().Where(l => institutionIds.Contains(l.InstitutionId)).Select(l => l.ResidentId);

    internal static ResidentSummary ToSummary(Resident r) => new(r.Id, r.Name, r.Sex, r.BirthDate, r.IdNumber, r.Phone, r.Address);
}
