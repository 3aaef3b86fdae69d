using CountyHealth.Indicators.Contracts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Facts;
using CountyHealth.Kernel.Text;
using CountyHealth.Kernel.Time;
using CountyHealth.Residents.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Residents.ResidentIndex;

/// <summary>
/// The resident index's monthly figures, by the managing institution (the clinic of the resident's village): residents
/// registered in the month, and residents in the index at the month's end. A resident who moves is counted, in every
/// month, by the institution that manages her now: the index keeps no history of where she was managed.
/// </summary>
internal sealed class ResidentFacts(CountyHealthDb db) : IFactSource
{
    public const string Source = "residents";
    public const string Registered = "residents.registered";
    public const string InIndex = "residents.in_index";

    public string Name => Source;

    public bool CarriesForward => true;

    public IReadOnlyList<Measure> Measures { get; } =
    [
        new(Registered, "新登记居民数", "人", MeasureKind.Sum, "居民主索引中登记日期在本月的居民，按现管理机构"),
        new(InIndex, "主索引居民数", "人", MeasureKind.EndOfPeriod, "月末主索引中的居民数（登记日期不晚于月末），按现管理机构"),
    ];

    public static void AddFeeds(IServiceCollection services) =>
        services.AddSingleton<IFactFeed>(new FactFeed<Resident>(Source, r => (r.ManagingInstitutionId, ChinaTime.DayOf(r.CreatedAt)), nameof(Resident.ManagingInstitutionId)));

    public async Task<IReadOnlyList<MonthlyFact>> CountAsync(FactRange range, CancellationToken ct)
    {
        var start = ChinaTime.StartOfDayUtc(FactMonths.FirstDay(range.FromMonth));
        var end = ChinaTime.StartOfDayUtc(FactMonths.FirstDay(range.ToMonth).AddMonths(1));
        var residents = db.Set<Resident>().AsNoTracking();
        if (range.Institutions is { } some)
        {
            residents = residents.Where(r => some.Contains(r.ManagingInstitutionId));
        }
        var before = await residents.Where(r => r.CreatedAt < start).GroupBy(r => r.ManagingInstitutionId)
            .Select(g => new { Institution = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Institution, x => x.Count, ct);
        var monthly = await residents.Where(r => r.CreatedAt >= start && r.CreatedAt < end).Select(r => new { r.ManagingInstitutionId, At = r.CreatedAt.AddHours(ChinaTime.OffsetHours) })
            .GroupBy(r => new { r.ManagingInstitutionId, Month = r.At.Year * 100 + r.At.Month })
            .Select(g => new { g.Key.ManagingInstitutionId, g.Key.Month, Count = g.Count() }).ToListAsync(ct);
        var byInstitution = monthly.ToLookup(m => m.ManagingInstitutionId);
        var facts = new List<MonthlyFact>();
        foreach (var institution in before.Keys.Union(monthly.Select(m => m.ManagingInstitutionId)))
        {
            var running = before.GetValueOrDefault(institution);
            var added = byInstitution[institution].ToDictionary(m => m.Month, m => m.Count);
            for (var month = range.FromMonth; month <= range.ToMonth; month = FactMonths.Add(month, 1))
            {
                var n = added.GetValueOrDefault(month);
                running += n;
                if (n > 0)
                {
                    facts.Add(new MonthlyFact(institution, month, Registered, "", n));
                }
                facts.Add(new MonthlyFact(institution, month, InIndex, "", running));
            }
        }
        return facts;
    }

    public async Task<IReadOnlyList<FactRecord>> RecordsAsync(string measure, string dimension, Guid institutionId, int month, int skip, int take, CancellationToken ct)
    {
        var end = ChinaTime.StartOfDayUtc(FactMonths.FirstDay(month).AddMonths(1));
        var residents = db.Set<Resident>().AsNoTracking().Where(r => r.ManagingInstitutionId == institutionId && r.CreatedAt < end);
        if (measure == Registered)
        {
            var start = ChinaTime.StartOfDayUtc(FactMonths.FirstDay(month));
            residents = residents.Where(r => r.CreatedAt >= start);
        }
        var rows = await residents
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Skip(skip).Take(take)
            .Select(r => new { r.Id, r.Name, r.Sex, r.BirthDate, r.CreatedAt }).ToListAsync(ct);
        return rows.Select(r => new FactRecord(r.Id, "", ChinaTime.FormatDate(ChinaTime.DayOf(r.CreatedAt)), PersonalNames.Mask(r.Name),
            $"{(r.Sex == Contracts.Sex.Female ? "女" : "男")}，{r.BirthDate.Year}年生", null)).ToList();
    }
}
