using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Text;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Residents.ResidentIndex;

/// <summary>
/// A resident is reached through the institutions she is known at (<see cref="ResidentInstitution"/>: her home
/// institution and those that cared for her), each permission as far as the permission matrix reaches; her household
/// and her identity belong to her home institution alone. Found and checked in one round trip; a refusal is audited
/// as a denial against her.
/// </summary>
internal sealed class ResidentRecords(CountyHealthDb db, IAccessScope scope, ResidentCache cache)
{
    /// <summary>Institutions each resident looked up in this scope is linked to, so that linking her again costs no query.</summary>
    private readonly Dictionary<Guid, List<Guid>> links = [];

    /// <summary>The resident if the user holds <paramref name="permission"/> for her (tracked when she is to be changed), else null.</summary>
    public async Task<Resident?> FindAsync(Guid residentId, string permission, bool track, CancellationToken ct)
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
        cache.Put(ToSummary(found.Resident), found.Links);
        IReadOnlyCollection<Guid> through = HomeOnly(permission) ? [found.Resident.ManagingInstitutionId] : found.Links;
        return await scope.AllowsAnyAsync(permission, through, nameof(Resident), residentId, residentId, ct) ? found.Resident : null;
    }

    /// <summary>The resident's summary if the user may read her, from the cache when it knows her links.</summary>
    public async Task<ResidentSummary?> FindReadableSummaryAsync(Guid residentId, CancellationToken ct)
    {
        if (cache.TryGet(residentId, out var entry) && entry.Links is { } known)
        {
            links[residentId] = [.. known];
            return await scope.AllowsAnyAsync(ResidentsPermissions.Read, known, nameof(Resident), residentId, residentId, ct) ? entry.Summary : null;
        }
        return await FindAsync(residentId, ResidentsPermissions.Read, track: false, ct) is { } r ? ToSummary(r) : null;
    }

    /// <summary>Her household and her identity are kept by her home institution, not by those that cared for her.</summary>
    private static bool HomeOnly(string permission) => permission is ResidentsPermissions.ReadHousehold or ResidentsPermissions.EditIdentity;

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
            // The link is saved with the caller's work, or not at all: the next look-up reads it from the database.
            cache.Forget(residentId);
        }
    }

    public static ResidentSummary ToSummary(Resident r) => new(r.Id, r.Name, r.Sex, r.BirthDate, r.IdNumber, r.Phone, r.Address, r.ManagingInstitutionId);

    public static ResidentRow ToRow(Resident r, DateOnly today)
    {
        var s = ToSummary(r);
        return new ResidentRow(r.Id, r.Name, r.Pinyin, r.Sex, s.SexName, r.BirthDate, s.AgeOn(today), r.IdNumber, r.Phone, r.Address);
    }
}

/// <summary>The resident index for other modules.</summary>
internal sealed class ResidentDirectory(CountyHealthDb db, ResidentRecords records, ResidentCache cache, IInstitutionDirectory institutions, TimeProvider clock) : IResidentDirectory
{
    public Task<ResidentSummary?> FindVisibleAsync(Guid residentId, CancellationToken ct = default) => records.FindReadableSummaryAsync(residentId, ct);

    public async Task<IReadOnlyDictionary<Guid, ResidentSummary>> GetManyAsync(IEnumerable<Guid> residentIds, CancellationToken ct = default)
    {
        var found = new Dictionary<Guid, ResidentSummary>();
        var missing = new List<Guid>();
        foreach (var id in residentIds.Distinct())
        {
            if (cache.TryGet(id, out var entry))
            {
                found[id] = entry.Summary;
            }
            else
            {
                missing.Add(id);
            }
        }
        if (missing.Count > 0)
        {
            foreach (var r in await db.Set<Resident>().AsNoTracking().Where(r => missing.Contains(r.Id))
                         .Select(r => new ResidentSummary(r.Id, r.Name, r.Sex, r.BirthDate, r.IdNumber, r.Phone, r.Address, r.ManagingInstitutionId)).ToListAsync(ct))
            {
                found[r.Id] = r;
                cache.Put(r, null);
            }
        }
        return found;
    }

    public Task LinkToInstitutionAsync(Guid residentId, Guid institutionId, CancellationToken ct = default) =>
        records.LinkAsync(residentId, institutionId, clock.GetUtcNow().UtcDateTime, ct);

    public IQueryable<Guid> MatchingResidentIds(string query) => ResidentSearch.Apply(db.Set<Resident>().AsNoTracking(), query).Select(r => r.Id);

    public async Task<IReadOnlyList<(ResidentSummary Member, string? Relation)>> HouseholdOfAsync(Guid residentId, CancellationToken ct = default)
    {
        var household = await db.Set<Resident>().AsNoTracking().Where(r => r.Id == residentId).Select(r => r.HouseholdId).FirstOrDefaultAsync(ct);
        if (household is null)
        {
            return [];
        }
        var members = await db.Set<Resident>().AsNoTracking().Where(r => r.HouseholdId == household).Select(r => new { r.Id, r.RelationToHead }).ToListAsync(ct);
        var summaries = await GetManyAsync(members.Select(m => m.Id), ct);
        return members.Where(m => summaries.ContainsKey(m.Id)).OrderBy(m => m.RelationToHead == HouseholdRelations.Head ? 0 : 1).ThenBy(m => summaries[m.Id].BirthDate)
            .Select(m => (summaries[m.Id], m.RelationToHead is { } code ? HouseholdRelations.ChineseNames.GetValueOrDefault(code, code) : (string?)null)).ToList();
    }

    public async Task<Guid> RegisterNewbornAsync(NewbornOfMother newborn, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var mother = await db.Set<Resident>().FirstAsync(r => r.Id == newborn.MotherId, ct);
        if (mother.HouseholdId is null)
        {
            var home = await institutions.FindAsync(mother.ManagingInstitutionId, ct)
                ?? throw new InvalidOperationException($"居民 {mother.Id} 的管理机构不存在");
            var width = home.Code.Length + HouseholdNumbers.SequenceDigits;
            var highest = await db.Set<Household>().Where(h => h.InstitutionId == home.Id && h.Number.StartsWith(home.Code) && h.Number.Length == width)
                .MaxAsync(h => (string?)h.Number, ct);
            var household = new Household
            {
                Number = HouseholdNumbers.Next(home.Code, highest),
                InstitutionId = home.Id,
                Address = mother.Address ?? home.Address ?? "",
                CreatedAt = now,
            };
            db.Add(household);
            (mother.HouseholdId, mother.RelationToHead, mother.UpdatedAt) = (household.Id, HouseholdRelations.Head, now);
            mother.Version++;
        }
        var name = newborn.Name.Trim();
        var baby = new Resident
        {
            Name = name,
            Pinyin = PinyinInitials.OfName(name),
            Sex = newborn.Sex,
            BirthDate = newborn.BirthDate,
            Address = mother.Address,
            ManagingInstitutionId = mother.ManagingInstitutionId,
            HouseholdId = mother.HouseholdId,
            RelationToHead = HouseholdRelations.OfChildBornTo(mother.RelationToHead, newborn.Sex),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(baby);
        db.Add(new ResidentInstitution { ResidentId = baby.Id, InstitutionId = mother.ManagingInstitutionId, Since = now });
        return baby.Id;
    }

    public IQueryable<BornResident> BornBetween(DateOnly from, DateOnly to) => db.Set<Resident>().AsNoTracking().Where(r => r.BirthDate >= from && r.BirthDate <= to)
        .Select(r => new BornResident { Id = r.Id, ManagingInstitutionId = r.ManagingInstitutionId, BirthDate = r.BirthDate });

    public IQueryable<Guid> VisibleResidentIds(IReadOnlyCollection<Guid> institutionIds) =>
        db.Set<ResidentInstitution>().Where(l => institutionIds.Contains(l.InstitutionId)).Select(l => l.ResidentId);
}
