using CountyHealth.Indicators.Contracts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Facts;
using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Time;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.Residents.Domain;
using CountyHealth.Server.Operations;
using CountyHealth.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// The programme figures of a generated township equal the same figures counted by hand from its rows, written here
/// the plain way (a dose due at birth plus its minimum age; a record kept at a month's end; a resident's first complete
/// check of the year with a record made by then) — not through the rules the sources share.
/// </summary>
public abstract class ProgrammeFigureTests(CountyHealthFactory host)
{
    [Fact]
    public async Task The_programme_figures_of_a_generated_township_equal_hand_counts()
    {
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CountyGenerator>()
                .GenerateAsync(new GenerationOptions(1500, TestSeed.Next(int.MaxValue), 2, 1.0), _ => { }, CancellationToken.None);
        }
        await using var check = host.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<CountyHealthDb>();
        var createdAt = (await db.Set<Resident>().AsNoTracking().OrderByDescending(r => r.Id).FirstAsync()).CreatedAt;
        var people = await db.Set<Resident>().AsNoTracking().Where(r => r.CreatedAt == createdAt).Select(r => new { r.Id, r.BirthDate, r.ManagingInstitutionId }).ToListAsync();
        Assert.Equal(1500, people.Count);
        var clinics = people.Select(p => p.ManagingInstitutionId).Distinct().ToList();
        var today = ChinaTime.Today(check.ServiceProvider.GetRequiredService<TimeProvider>());
        var month = FactMonths.Of(today.AddMonths(-1));
        var (first, end) = (FactMonths.FirstDay(month), FactMonths.LastDay(month));
        var sources = check.ServiceProvider.GetServices<IFactSource>().ToDictionary(s => s.Name);
        async Task<Dictionary<(Guid, string, string), decimal>> CountAsync(string source, int from) =>
            (await sources[source].CountAsync(new FactRange(clinics, from, month), CancellationToken.None)).Where(f => f.Month == month)
                .ToDictionary(f => (f.InstitutionId, f.Measure, f.Dimension), f => f.Value);

        // Immunisation: MMR dose 1 falls due at 8 months, hepatitis B dose 1 at birth — both unchanged since 2021.
        var doses = await db.Set<Vaccination>().AsNoTracking().Where(v => people.Select(p => p.Id).Contains(v.ResidentId)).Select(v => new { v.ResidentId, v.Series, v.Dose }).ToListAsync();
        // Each of the last twelve months, counted as the refresher counts one month.
        var checkedDoses = 0;
        for (var m = FactMonths.Add(month, -11); m <= month; m = FactMonths.Add(m, 1))
        {
            var (from, to) = (FactMonths.FirstDay(m), FactMonths.LastDay(m));
            var immunisation = (await sources["immunisation"].CountAsync(new FactRange(clinics, m, m), CancellationToken.None))
                .ToDictionary(f => (f.InstitutionId, f.Measure, f.Dimension), f => f.Value);
            foreach (var (series, dose, months) in new[] { ("MMR", 1, 8), ("HepB", 1, 0), ("HepB", 3, 6) })
            {
                foreach (var clinic in clinics)
                {
                    var due = people.Where(p => p.ManagingInstitutionId == clinic && p.BirthDate.AddMonths(months) >= from && p.BirthDate.AddMonths(months) <= to).ToList();
                    var given = due.Count(p => doses.Any(d => d.ResidentId == p.Id && d.Series == series && d.Dose == dose));
                    Assert.Equal(due.Count, immunisation.GetValueOrDefault((clinic, "immunisation.due", $"dose:{series}{dose}")));
                    Assert.Equal(given, immunisation.GetValueOrDefault((clinic, "immunisation.vaccinated", $"dose:{series}{dose}")));
                    checkedDoses += due.Count;
                }
            }
        }
        Assert.True(checkedDoses > 0, "the township's children fell due in the month");

        // Health records kept at the month's end.
        var records = await db.Set<HealthRecord>().AsNoTracking().Where(h => clinics.Contains(h.InstitutionId)).ToListAsync();
        var kept = await CountAsync("healthrecords", month);
        foreach (var clinic in clinics)
        {
            Assert.Equal(records.Count(h => h.InstitutionId == clinic && h.CreatedOn <= end && (h.ClosedOn == null || h.ClosedOn > end)),
                kept.GetValueOrDefault((clinic, "healthrecords.kept", "")));
        }
        Assert.InRange(records.Count, 1500 * 0.8, 1500 * 0.97);

        // Older people managed this year to the month: the first complete check of the year, with a record made by then.
        var january = new DateOnly(first.Year, 1, 1);
        var checks = await db.Set<ElderlyCheck>().AsNoTracking().Where(c => clinics.Contains(c.InstitutionId) && c.Date >= january && c.Date <= end).ToListAsync();
        var managed = (await sources["elderly"].CountAsync(new FactRange(clinics, FactMonths.Of(january), month), CancellationToken.None))
            .Where(f => f.Measure == "elderly.managed").GroupBy(f => f.InstitutionId).ToDictionary(g => g.Key, g => g.Sum(f => f.Value));
        foreach (var clinic in clinics)
        {
            var byHand = checks.Where(c => c.InstitutionId == clinic && c.Complete).GroupBy(c => c.ResidentId)
                .Count(g => records.Any(h => h.ResidentId == g.Key && h.CreatedOn <= g.Min(c => c.Date)));
            Assert.Equal(byHand, managed.GetValueOrDefault(clinic));
        }
        Assert.NotEmpty(checks);

        // Maternal care, each of the last twelve months (live births, the rates' denominator, are the children's figure above): of the women delivered in the month,
        // those registered before 91 days of gestation and those visited from discharge to 28 days after it.
        var pregnancies = await db.Set<Pregnancy>().AsNoTracking().Where(p => clinics.Contains(p.InstitutionId)).ToListAsync();
        var postpartum = await db.Set<MaternalVisit>().AsNoTracking().Where(v => clinics.Contains(v.InstitutionId) && v.Contact == MaternalContact.Postpartum).ToListAsync();
        var (births, delivered) = (0, 0);
        for (var m = FactMonths.Add(month, -11); m <= month; m = FactMonths.Add(m, 1))
        {
            var (from, to) = (FactMonths.FirstDay(m), FactMonths.LastDay(m));
            var maternal = (await sources["maternal"].CountAsync(new FactRange(clinics, m, m), CancellationToken.None)).ToDictionary(f => (f.InstitutionId, f.Measure), f => f.Value);
            foreach (var clinic in clinics)
            {
                var born = people.Count(p => p.ManagingInstitutionId == clinic && p.BirthDate >= from && p.BirthDate <= to);
                var cases = pregnancies.Where(p => p.InstitutionId == clinic && p.DeliveredOn >= from && p.DeliveredOn <= to).ToList();
                Assert.Equal(cases.Count, maternal.GetValueOrDefault((clinic, "maternal.deliveries")));
                Assert.Equal(cases.Count(p => p.GestationDaysAtRegistration <= 90), maternal.GetValueOrDefault((clinic, "maternal.early_registered")));
                Assert.Equal(cases.Count(p => postpartum.Any(v => v.PregnancyId == p.Id && v.Date >= p.DischargedOn && v.Date <= p.DischargedOn!.Value.AddDays(28))),
                    maternal.GetValueOrDefault((clinic, "maternal.postpartum_visited")));
                (births, delivered) = (births + born, delivered + cases.Count);
            }
        }
        Assert.True(births > 0 && delivered > 0 && delivered <= births, $"births {births}, deliveries {delivered}: the township's mothers delivered in the year");
        // Children 0–6 (ET01, ET02): the month's births by clinic and of them those with a newborn visit; the children under
        // seven at the month's end; the children with a check this year to the month, by the clinic of their first.
        var childChecks = await db.Set<ChildCheck>().AsNoTracking().Where(c => clinics.Contains(c.InstitutionId)).Select(c => new { c.ResidentId, c.InstitutionId, c.Contact, c.Date }).ToListAsync();
        var child = await CountAsync("child", month);
        var childYear = (await sources["child"].CountAsync(new FactRange(clinics, FactMonths.Of(january), month), CancellationToken.None))
            .Where(f => f.Measure == "child.managed").GroupBy(f => f.InstitutionId).ToDictionary(g => g.Key, g => g.Sum(f => f.Value));
        foreach (var clinic in clinics)
        {
            var born = people.Where(p => p.ManagingInstitutionId == clinic && p.BirthDate >= first && p.BirthDate <= end).ToList();
            Assert.Equal(born.Count, child.GetValueOrDefault((clinic, "child.live_births", "")));
            Assert.Equal(born.Count(p => childChecks.Any(c => c.ResidentId == p.Id && c.Contact == "newborn")), child.GetValueOrDefault((clinic, "child.newborn_visited", "")));
            Assert.Equal(people.Count(p => p.ManagingInstitutionId == clinic && p.BirthDate <= end && p.BirthDate.AddYears(7) > end), child.GetValueOrDefault((clinic, "child.children", "")));
            var firstOfYear = childChecks.Where(c => c.Date >= january && c.Date <= end).GroupBy(c => c.ResidentId).Select(g => g.OrderBy(c => c.Date).First());
            Assert.Equal(firstOfYear.Count(c => c.InstitutionId == clinic), childYear.GetValueOrDefault(clinic));
        }
        Assert.NotEmpty(childChecks);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteProgrammeFigureTests(SqliteHost host) : ProgrammeFigureTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresProgrammeFigureTests(PostgresHost host) : ProgrammeFigureTests(host);
