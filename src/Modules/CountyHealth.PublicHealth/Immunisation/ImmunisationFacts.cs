using CountyHealth.Indicators.Contracts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Facts;
using CountyHealth.Kernel.Reference;
using CountyHealth.Kernel.Text;
using CountyHealth.Kernel.Time;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.Residents.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.PublicHealth.Immunisation;

/// <summary>
/// The immunisation figures, by the clinic that manages the child and by dose: the children whose dose fell due in the
/// month (应种, the day they reached its minimum age), of them those who have had it (实种, whenever given — coverage of
/// the month's cohort, rising as late doses are caught up), and the doses given in the month where they were given.
/// </summary>
internal sealed class ImmunisationFacts(CountyHealthDb db, IResidentDirectory residents, ReferenceTable<ImmunisationSchedule> schedule, TimeProvider clock) : IFactSource
{
    public const string Source = "immunisation";
    public const string Due = "immunisation.due";
    public const string Vaccinated = "immunisation.vaccinated";
    public const string Doses = "immunisation.doses";

    public string Name => Source;

    /// <summary>A child born, or a dose given late, changes the months after it.</summary>
    public bool CarriesForward => true;

    /// <summary>A month's children fall due by the calendar: the new month is counted when it begins, without a record changing.</summary>
    public bool DependsOnToday => true;

    /// <summary>
    /// The figures begin seven years back: the children due earlier are grown up and their doses, given before the
    /// records were kept here, are not in them (a coverage of 0 % for 2015 would be a figure of nothing).
    /// </summary>
    public DateOnly FirstCounted => new DateOnly(ChinaTime.Today(clock).Year, ChinaTime.Today(clock).Month, 1).AddYears(-NationalSchedule.ListedUntilYears);

    public IReadOnlyList<Measure> Measures { get; } =
    [
        new(Due, "应种人数", "人", MeasureKind.Sum, "辖区（管理机构）儿童中，本月达到该剂次最小接种月龄者（按当时施行的免疫程序；自七年前的当月起计）", "dose"),
        new(Vaccinated, "实种人数", "人", MeasureKind.Sum, "本月应种儿童中已接种该剂次者（含此后补种）", "dose"),
        new(Doses, "接种剂次数", "剂次", MeasureKind.Sum, "本机构接种的国家免疫规划疫苗剂次，按接种日期计入月份（补录接种证的不计）", "dose"),
    ];

    public static void AddFeeds(IServiceCollection services)
    {
        services.AddSingleton<IFactFeed>(new FactFeed<Vaccination>(Source, v => (v.InstitutionId, v.DueOn)));
        services.AddSingleton<IFactFeed>(new FactFeed<Vaccination>(Source, v => (v.GivenAtInstitutionId, v.GivenOn)));
        services.AddSingleton(sp => ResidentFeeds.ByBirth(Source, NationalSchedule.ListedUntilYears + 1, sp.GetRequiredService<TimeProvider>()));
    }

    public static string Part(string key) => "dose:" + key;

    private sealed record Child(Guid Id, Guid InstitutionId, DateOnly BirthDate);

    public async Task<IReadOnlyList<MonthlyFact>> CountAsync(FactRange range, CancellationToken ct)
    {
        var first = FactMonths.FirstDay(range.FromMonth) is var from && from > FirstCounted ? from : FirstCounted;
        var last = FactMonths.LastDay(range.ToMonth);
        if (last < first)
        {
            return [];
        }
        var (children, given) = await CohortAsync(range.Institutions, first, last, ct);
        var counts = new Dictionary<(Guid, int, string, bool), int>();
        foreach (var child in children)
        {
            var had = given[child.Id];
            foreach (var (dose, day) in schedule.Current.DueDays(child.BirthDate))
            {
                if (day < first || day > last)
                {
                    continue;
                }
                var month = FactMonths.Of(day);
                Increment((child.InstitutionId, month, dose.Key, false));
                if (had.Contains(dose.Key))
                {
                    Increment((child.InstitutionId, month, dose.Key, true));
                }
            }
        }
        void Increment((Guid, int, string, bool) key) => counts[key] = counts.GetValueOrDefault(key) + 1;
        var facts = counts.Select(c => new MonthlyFact(c.Key.Item1, c.Key.Item2, c.Key.Item4 ? Vaccinated : Due, Part(c.Key.Item3), c.Value)).ToList();

        var doses = db.Set<Vaccination>().AsNoTracking().Where(v => v.Source == DoseSource.Given && v.GivenOn >= first && v.GivenOn <= last);
        if (range.Institutions is { } some)
        {
            doses = doses.Where(v => some.Contains(v.GivenAtInstitutionId));
        }
        var byDose = await doses.GroupBy(v => new { v.GivenAtInstitutionId, v.GivenOn.Year, v.GivenOn.Month, v.Series, v.Dose })
            .Select(g => new { g.Key.GivenAtInstitutionId, g.Key.Year, g.Key.Month, g.Key.Series, g.Key.Dose, Count = g.Count() }).ToListAsync(ct);
        facts.AddRange(byDose.Select(x => new MonthlyFact(x.GivenAtInstitutionId, x.Year * 100 + x.Month, Doses, Part(ScheduledDose.KeyOf(x.Series, x.Dose)), x.Count)));
        // Totals over the doses.
        facts.AddRange(facts.GroupBy(f => (f.InstitutionId, f.Month, f.Measure)).Select(g => new MonthlyFact(g.Key.InstitutionId, g.Key.Month, g.Key.Measure, "", g.Sum(f => f.Value))).ToList());
        return facts;
    }

    /// <summary>The children who could fall due in the days (born up to seven years before), and the doses each has had.</summary>
    private async Task<(List<Child> Children, ILookup<Guid, string> Given)> CohortAsync(IReadOnlyCollection<Guid>? institutions, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var born = residents.BornBetween(first.AddYears(-NationalSchedule.ListedUntilYears), last);
        if (institutions is { } some)
        {
            born = born.Where(c => some.Contains(c.ManagingInstitutionId));
        }
        var children = (await born.Select(c => new { c.Id, c.ManagingInstitutionId, c.BirthDate }).ToListAsync(ct)).Select(c => new Child(c.Id, c.ManagingInstitutionId, c.BirthDate)).ToList();
        var vaccinations = db.Set<Vaccination>().AsNoTracking();
        if (institutions is not null)
        {
            vaccinations = vaccinations.Where(v => born.Select(c => c.Id).Contains(v.ResidentId));
        }
        var given = (await vaccinations.Select(v => new { v.ResidentId, v.Series, v.Dose }).ToListAsync(ct)).ToLookup(v => v.ResidentId, v => ScheduledDose.KeyOf(v.Series, v.Dose));
        return (children, given);
    }

    public async Task<IReadOnlyList<FactRecord>> RecordsAsync(string measure, string dimension, Guid institutionId, int month, int skip, int take, CancellationToken ct)
    {
        var first = FactMonths.FirstDay(month);
        var last = first.AddMonths(1).AddDays(-1);
        var key = dimension.StartsWith("dose:", StringComparison.Ordinal) ? dimension["dose:".Length..] : null;
        if (measure == Doses)
        {
            var rows = await db.Set<Vaccination>().AsNoTracking().Where(v => v.GivenAtInstitutionId == institutionId && v.Source == DoseSource.Given && v.GivenOn >= first && v.GivenOn <= last)
                .OrderBy(v => v.GivenOn).ThenBy(v => v.Id).ToListAsync(ct);
            var page = rows.Where(v => key is null || ScheduledDose.KeyOf(v.Series, v.Dose) == key).Skip(skip).Take(take).ToList();
            var names = await residents.GetManyAsync(page.Select(v => v.ResidentId), ct);
            return page.Select(v => new FactRecord(v.Id, $"{v.VaccineName}第{v.Dose}剂", ChinaTime.FormatDate(v.GivenOn), PersonalNames.Mask(names.GetValueOrDefault(v.ResidentId)?.Name),
                $"批号 {v.Batch}，{ImmunisationRecords.SiteName(v.Site)}，{v.NurseName}", null)).ToList();
        }
        var (children, given) = await CohortAsync(new[] { institutionId }, first, last, ct);
        var behind = children.SelectMany(c => schedule.Current.DueDays(c.BirthDate)
                .Where(d => d.Day >= first && d.Day <= last && (key is null || d.Dose.Key == key) && (measure == Due || given[c.Id].Contains(d.Dose.Key)))
                .Select(d => (Child: c, d.Dose, d.Day)))
            .OrderBy(x => x.Day).ThenBy(x => x.Child.Id).Skip(skip).Take(take).ToList();
        var people = await residents.GetManyAsync(behind.Select(x => x.Child.Id), ct);
        return behind.Select(x => new FactRecord(x.Child.Id, x.Dose.Label, ChinaTime.FormatDate(x.Day), PersonalNames.Mask(people.GetValueOrDefault(x.Child.Id)?.Name),
            $"{ChinaTime.FormatDate(x.Child.BirthDate)}出生，{ChinaTime.FormatDate(x.Day)}应种" + (given[x.Child.Id].Contains(x.Dose.Key) ? "，已种" : "，未种"), null)).ToList();
    }
}
