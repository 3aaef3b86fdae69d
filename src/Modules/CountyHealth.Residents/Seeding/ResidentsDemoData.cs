using System.Globalization;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Time;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Residents.Seeding;

/// <summary>The demo county's 200 residents with valid ID numbers, at home in its village clinics, in households.</summary>
internal sealed class ResidentsDemoData(CountyHealthDb db, IInstitutionDirectory directory, TimeProvider clock) : IDemoData
{
    private const int ResidentCount = 200;

    public Task<bool> IsSeededAsync(CancellationToken ct) => db.Set<Resident>().AnyAsync(ct);

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);
        var homes = (await directory.ListAsync(ct)).Where(i => i.Kind == InstitutionKind.VillageClinic).ToList();
        var rng = new Random(1845400);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var residents = new List<Resident>(ResidentCount);
        for (var n = 0; n < ResidentCount; n++)
        {
            var male = rng.Next(2) == 0;
            // Age structure weighted towards adults and the elderly, as in a rural county.
            var age = rng.Next(100) switch { < 12 => rng.Next(0, 15), < 30 => rng.Next(15, 40), < 65 => rng.Next(40, 65), _ => rng.Next(65, 92) };
            var birth = today.AddYears(-age).AddDays(-rng.Next(0, 365));
            var id = SyntheticResidents.IssueIdNumber(rng, DemoAccounts.RegionCode, birth, male, used);
            var home = homes[n % homes.Count];
            var resident = SyntheticResidents.Create(rng, male, age, birth, id, home.Id, g => $"{home.Address}{g.Next(1, 120).ToString(CultureInfo.InvariantCulture)}号", now);
            residents.Add(resident);
            db.Add(new ResidentInstitution { ResidentId = resident.Id, InstitutionId = home.Id, Since = now });
        }
        // Households from their own random stream, so the residents above stay as they were before households existed.
        var households = new Random(4761);
        foreach (var home in homes)
        {
            db.AddRange(HouseholdShape.Form(households, new HomeVillage(home.Id, home.Code, home.Address), residents.Where(r => r.ManagingInstitutionId == home.Id).ToList(), today, now));
        }
        db.AddRange(residents);
    }
}
