using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Residents.ResidentIndex;

/// <summary>
/// A resident is readable by the users of the institutions she is known at (<see cref="ResidentInstitution"/>) and of
/// those above them: the read scope applied through her links. Found and checked in one round trip; a refusal is
/// audited as a denial against her.
/// </summary>
internal sealed class ResidentRecords(CountyHealthDb db, IAccessScope scope, AuditLog audit)
{
    /// <summary>Institutions each resident looked up in this scope is linked to, so that linking her again costs no query.</summary>
    private readonly Dictionary<Guid, List<Guid>> links = [];

    /// <summary>The resident if the user may read her (tracked when she is to be changed), else null.</summary>
    public async Task<Resident?> FindReadableAsync(Guid residentId, bool track, CancellationToken ct)
    {
        var rows = track ? db.Set<Resident>() : db.Set<Resident>().AsNoTracking();
        var found = await rows.Where(r => r.Id == residentId).OrderBy(r => r.Id)
            .Select(r => new { Resident = r, Links = db.Set<ResidentInstitution>().Where(l => l.ResidentId == r.Id).Select(l => l.InstitutionId).ToList() })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }
        links[residentId] = found.Links;
        var readable = await scope.ReadableInstitutionsAsync(ct);
        if (!found.Links.Any(readable.Contains))
        {
            await audit.DeniedAsync(nameof(Resident), residentId, residentId, "不在本机构及下级机构管辖范围内");
            return null;
        }
        return found.Resident;
    }

    /// <summary>Makes the resident known at an institution unless she already is; the caller saves.</summary>
    public async Task LinkAsync(Guid residentId, Guid institutionId, DateTime since, CancellationToken ct)
    {
        var exists = db.ChangeTracker.Entries<ResidentInstitution>().Any(e => e.Entity.ResidentId == residentId && e.Entity.InstitutionId == institutionId)
            || (links.TryGetValue(residentId, out var known)
                ? known.Contains(institutionId)
                : await db.Set<ResidentInstitution>().AnyAsync(l => l.ResidentId == residentId && l.InstitutionId == institutionId, ct));
        if (!exists)
        {
            db.Add(new ResidentInstitution { ResidentId = residentId, InstitutionId = institutionId, Since = since });
            (links.TryGetValue(residentId, out var list) ? list : links[residentId] = []).Add(institutionId);
        }
    }

    public static ResidentSummary ToSummary(Resident r) => new(r.Id, r.Name, r.Sex, r.BirthDate, r.IdNumber, r.Phone, r.Address);

    public static ResidentRow ToRow(Resident r, DateOnly today)
    {
        var s = ToSummary(r);
        return new ResidentRow(r.Id, r.Name, r.Pinyin, r.Sex, s.SexName, r.BirthDate, s.AgeOn(today), r.IdNumber, r.Phone, r.Address);
    }
}

/// <summary>The resident index for other modules.</summary>
internal sealed class ResidentDirectory(CountyHealthDb db, ResidentRecords records, TimeProvider clock) : IResidentDirectory
{
    public async Task<ResidentSummary?> FindVisibleAsync(Guid residentId, CancellationToken ct = default) =>
        await records.FindReadableAsync(residentId, track: false, ct) is { } r ? ResidentRecords.ToSummary(r) : null;

    public async Task<IReadOnlyDictionary<Guid, ResidentSummary>> GetManyAsync(IEnumerable<Guid> residentIds, CancellationToken ct = default)
    {
        var ids = residentIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, ResidentSummary>();
        }
        return await db.Set<Resident>().AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new ResidentSummary(r.Id, r.Name, r.Sex, r.BirthDate, r.IdNumber, r.Phone, r.Address))
            .ToDictionaryAsync(r => r.Id, ct);
    }

    public Task LinkToInstitutionAsync(Guid residentId, Guid institutionId, CancellationToken ct = default) =>
        records.LinkAsync(residentId, institutionId, clock.GetUtcNow().UtcDateTime, ct);

    public IQueryable<Guid> VisibleResidentIds(IReadOnlyCollection<Guid> institutionIds) =>
        db.Set<ResidentInstitution>().Where(l => institutionIds.Contains(l.InstitutionId)).Select(l => l.ResidentId);
}
