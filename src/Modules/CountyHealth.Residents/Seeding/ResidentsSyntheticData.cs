using System.Globalization;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Generation;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Residents.Seeding;

/// <summary>
/// The synthetic county's residents: after the census age and sex structure, with valid ID numbers and Chinese names,
/// at home in a village of their township (and known at its health centre in six cases of ten), in households.
/// </summary>
internal sealed class ResidentsSyntheticData(CountyHealthDb db) : ISyntheticData
{
    private HashSet<string> usedIds = new(StringComparer.Ordinal);
    private Dictionary<Guid, int> householdsOf = [];

    public async Task PrepareAsync(GenerationRun run, CancellationToken ct)
    {
        // ID numbers already in the index (the demo county's, an earlier run's) must not be issued again, nor household numbers.
        usedIds = (await db.Set<Resident>().AsNoTracking().Where(r => r.IdNumber != null).Select(r => r.IdNumber!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        householdsOf = await db.Set<Household>().AsNoTracking().GroupBy(h => h.InstitutionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    public async Task GenerateTownshipAsync(GenerationRun run, int index, CancellationToken ct)
    {
        var rng = run.Random;
        var town = run.Get<GeneratedTownship>();
        var count = run.Options.Residents / run.Townships + (index < run.Options.Residents % run.Townships ? 1 : 0);
        var residents = new List<Resident>(count);
        // In the index from before their history begins, as residents whose visits go back years would be.
        var registered = run.Now.AddYears(-run.Options.Years);
        var links = new List<ResidentInstitution>(count);
        for (var n = 0; n < count; n++)
        {
            var male = Census.DrawMale(rng);
            var age = Census.DrawAge(rng);
            var birth = run.Today.AddYears(-age).AddDays(-rng.Next(0, 365));
            var id = SyntheticResidents.IssueIdNumber(rng, town.RegionCode, birth, male, usedIds);
            var home = town.Villages[rng.Next(town.Villages.Count)];
            var r = SyntheticResidents.Create(rng, male, age, birth, id, home.InstitutionId,
                g => $"{town.Name}{home.InstitutionName.Replace("卫生室", "", StringComparison.Ordinal)}{g.Next(1, 300).ToString(CultureInfo.InvariantCulture)}号", registered);
            residents.Add(r);
            links.Add(new ResidentInstitution { ResidentId = r.Id, InstitutionId = home.InstitutionId, Since = run.Now });
            if (rng.Next(10) < 6)
            {
                links.Add(new ResidentInstitution { ResidentId = r.Id, InstitutionId = town.Centre.InstitutionId, Since = run.Now });
            }
        }
        var households = town.Villages.SelectMany(v => HouseholdShape.Form(rng, new HomeVillage(v.InstitutionId, v.Code, town.Name),
            residents.Where(r => r.ManagingInstitutionId == v.InstitutionId).ToList(), run.Today, run.Now, householdsOf.GetValueOrDefault(v.InstitutionId))).ToList();
        await run.Writer.WriteAsync(households, ct);
        await run.Writer.WriteAsync(residents, ct);
        await run.Writer.WriteAsync(links, ct);
        run.Put(new GeneratedResidents(residents.Select(r => new GeneratedResident(r.Id, r.Sex, r.BirthDate, r.ManagingInstitutionId, r.Name, r.IdNumber, r.Phone, r.Address)).ToList()));
    }
}
