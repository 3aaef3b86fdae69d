using CountyHealth.Indicators.Contracts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Facts;
using CountyHealth.Kernel.Text;
using CountyHealth.Kernel.Time;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.Residents.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.PublicHealth.Records;

/// <summary>
/// The health records' monthly figures by the institution that keeps them: records kept at the month's end (made by
/// then, not closed), and of them those in use (动态使用, §8.3: a programme service — any <see cref="IProgrammeService"/> or
/// a dose given — or an outpatient visit, a medical record, within the 12 months to the month's end). The records in use
/// are counted for the last two years only: older months had services before these records.
/// </summary>
internal sealed class RecordFacts(CountyHealthDb db, IResidentDirectory residents, IVisitSummaries visits, TimeProvider clock) : IFactSource
{
    public const string Source = "healthrecords";
    public const string Kept = "healthrecords.kept";
    public const string InUse = "healthrecords.in_use";

    public string Name => Source;

    public bool CarriesForward => true;

    /// <summary>A service ages out of the twelve months as the calendar turns.</summary>
    public bool DependsOnToday => true;

    public IReadOnlyList<Measure> Measures { get; } =
    [
        new(Kept, "建档人数", "人", MeasureKind.EndOfPeriod, "月末在档（已建档、未结案）的居民健康档案，按建档（管理）机构"),
        new(InUse, "动态使用档案数", "份", MeasureKind.EndOfPeriod, "月末在档的档案中，截至月末12个月内有门诊就诊（病历），或慢病、严重精神障碍、肺结核随访，孕产妇或儿童健康检查，预防接种，老年人体检等服务记录者（近两年按月计）"),
    ];

    public static void AddFeeds(IServiceCollection services)
    {
        services.AddSingleton<IFactFeed>(new FactFeed<HealthRecord>(Source, h => (h.InstitutionId, h.CreatedOn), nameof(HealthRecord.Status), nameof(HealthRecord.ClosedOn),
            nameof(HealthRecord.InstitutionId), nameof(HealthRecord.CreatedOn)));
        services.AddSingleton<IFactFeed>(new FactFeed<ChronicFollowUp>(Source, f => (f.InstitutionId, f.Date)));
        services.AddSingleton<IFactFeed>(new FactFeed<Vaccination>(Source, v => (v.InstitutionId, v.GivenOn)));
        services.AddSingleton<IFactFeed>(new FactFeed<ElderlyCheck>(Source, c => (c.InstitutionId, c.Date)));
        services.AddSingleton<IFactFeed>(new FactFeed<MentalFollowUp>(Source, f => (f.InstitutionId, f.Date)));
        services.AddSingleton<IFactFeed>(new FactFeed<MaternalVisit>(Source, v => (v.InstitutionId, v.Date)));
        services.AddSingleton<IFactFeed>(new FactFeed<ChildCheck>(Source, c => (c.InstitutionId, c.Date)));
        services.AddSingleton<IFactFeed>(new FactFeed<TbVisit>(Source, v => (v.InstitutionId, v.Date)));
        // A visit marks the month at the institution that saw the resident: most are seen where their record is kept;
        // a visit elsewhere shows at the keeper when the current month is recounted, minutes later.
        services.AddSingleton(VisitFeeds.For(Source));
    }

    private DateOnly InUseFrom => new DateOnly(ChinaTime.Today(clock).Year, ChinaTime.Today(clock).Month, 1).AddYears(-2);

    private sealed record Kept1(Guid Id, Guid ResidentId, Guid InstitutionId, DateOnly CreatedOn, DateOnly? ClosedOn);

    public async Task<IReadOnlyList<MonthlyFact>> CountAsync(FactRange range, CancellationToken ct)
    {
        var first = FactMonths.FirstDay(range.FromMonth);
        var last = FactMonths.LastDay(range.ToMonth);
        var records = db.Set<HealthRecord>().AsNoTracking().Where(h => h.CreatedOn <= last && (h.ClosedOn == null || h.ClosedOn >= first));
        if (range.Institutions is { } some)
        {
            records = records.Where(h => some.Contains(h.InstitutionId));
        }
        var kept = (await records.Select(h => new { h.Id, h.ResidentId, h.InstitutionId, h.CreatedOn, h.ClosedOn }).ToListAsync(ct))
            .Select(h => new Kept1(h.Id, h.ResidentId, h.InstitutionId, h.CreatedOn, h.ClosedOn)).ToList();
        var services = await LastServicesAsync(range.Institutions, first > InUseFrom ? first : InUseFrom, last, ct);
        var facts = new List<MonthlyFact>();
        foreach (var g in kept.GroupBy(h => h.InstitutionId))
        {
            // Kept at a month's end: made by then less closed by then (a record is closed after it is made).
            var made = g.Select(h => h.CreatedOn).Order().ToArray();
            var closed = g.Where(h => h.ClosedOn is not null).Select(h => h.ClosedOn!.Value).Order().ToArray();
            var inUse = new Dictionary<int, int>();
            foreach (var h in g.Where(h => services.Contains(h.ResidentId)))
            {
                foreach (var month in UsedMonths(services[h.ResidentId], range, InUseFrom).Where(m => IsOpen(h, FactMonths.LastDay(m))))
                {
                    inUse[month] = inUse.GetValueOrDefault(month) + 1;
                }
            }
            for (var month = range.FromMonth; month <= range.ToMonth; month = FactMonths.Add(month, 1))
            {
                var end = FactMonths.LastDay(month);
                var open = UpTo(made, end) - UpTo(closed, end);
                if (open > 0)
                {
                    facts.Add(new MonthlyFact(g.Key, month, Kept, "", open));
                }
                if (inUse.GetValueOrDefault(month) is var used and > 0)
                {
                    facts.Add(new MonthlyFact(g.Key, month, InUse, "", used));
                }
            }
        }
        return facts;
    }

    private static bool IsOpen(Kept1 h, DateOnly end) => h.CreatedOn <= end && (h.ClosedOn == null || h.ClosedOn > end);

    /// <summary>How many of the sorted days are on or before the day.</summary>
    private static int UpTo(DateOnly[] sorted, DateOnly day)
    {
        var i = Array.BinarySearch(sorted, day);
        if (i < 0)
        {
            return ~i;
        }
        while (i + 1 < sorted.Length && sorted[i + 1] == day)
        {
            i++;
        }
        return i + 1;
    }

    /// <summary>The months of the range, from <paramref name="from"/>, whose end has one of the services within twelve months.</summary>
    internal static IEnumerable<int> UsedMonths(IEnumerable<DateOnly> services, FactRange range, DateOnly from)
    {
        // Each month once: the days in order, each one's twelve months taken from past the months already covered
        // (a resident seen every month had each month tried twelve times).
        var covered = 0;
        foreach (var d in services.Order())
        {
            for (var m = Math.Max(FactMonths.Of(d), covered == 0 ? 0 : FactMonths.Add(covered, 1));
                m <= range.ToMonth && RecordCodes.InUse(d, FactMonths.LastDay(m)); m = FactMonths.Add(m, 1))
            {
                covered = m;
                if (m >= range.FromMonth && FactMonths.FirstDay(m) >= from)
                {
                    yield return m;
                }
            }
        }
    }

    private static bool Used(ILookup<Guid, DateOnly> services, Guid residentId, DateOnly end) => services[residentId].Any(d => RecordCodes.InUse(d, end));

    /// <summary>The days of the services that can keep a record in use in the months: from 12 months before the first.</summary>
    private async Task<ILookup<Guid, DateOnly>> LastServicesAsync(IReadOnlyCollection<Guid>? institutions, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var from = first.AddMonths(-12);
        var doses = db.Set<Vaccination>().AsNoTracking().Where(v => v.Source == DoseSource.Given && v.GivenOn >= from && v.GivenOn <= last);
        if (institutions is not null)
        {
            doses = doses.Where(v => institutions.Contains(v.InstitutionId));
        }
        // One day a resident and month is enough: whether a month's end has a service within twelve months.
        var days = (await doses.GroupBy(v => new { v.ResidentId, v.GivenOn.Year, v.GivenOn.Month }).Select(g => new { g.Key.ResidentId, Day = g.Max(v => v.GivenOn) }).ToListAsync(ct))
            .Select(x => (x.ResidentId, x.Day)).ToList();
        days.AddRange(await LastOfMonthsAsync<ChronicFollowUp>(institutions, from, last, ct));
        days.AddRange(await LastOfMonthsAsync<ElderlyCheck>(institutions, from, last, ct));
        days.AddRange(await LastOfMonthsAsync<MentalFollowUp>(institutions, from, last, ct));
        days.AddRange(await LastOfMonthsAsync<MaternalVisit>(institutions, from, last, ct));
        days.AddRange(await LastOfMonthsAsync<ChildCheck>(institutions, from, last, ct));
        days.AddRange(await LastOfMonthsAsync<TbVisit>(institutions, from, last, ct));
        // Outpatient visits of the residents whose records the institutions keep, wherever they were seen.
        var seen = visits.SeenBetween(from, last);
        if (institutions is not null)
        {
            var kept = db.Set<HealthRecord>().Where(h => institutions.Contains(h.InstitutionId)).Select(h => h.ResidentId);
            seen = seen.Where(v => kept.Contains(v.ResidentId));
        }
        days.AddRange((await seen.GroupBy(v => new { v.ResidentId, v.Date.Year, v.Date.Month }).Select(g => new { g.Key.ResidentId, Day = g.Max(v => v.Date) }).ToListAsync(ct))
            .Select(x => (x.ResidentId, x.Day)));
        return days.ToLookup(x => x.ResidentId, x => x.Day);
    }

    private async Task<IEnumerable<(Guid ResidentId, DateOnly Day)>> LastOfMonthsAsync<T>(IReadOnlyCollection<Guid>? institutions, DateOnly from, DateOnly last, CancellationToken ct)
        where T : class, IProgrammeService
    {
        var services = db.Set<T>().AsNoTracking().Where(x => x.Date >= from && x.Date <= last);
        if (institutions is not null)
        {
            services = services.Where(x => institutions.Contains(x.InstitutionId));
        }
        return (await services.GroupBy(x => new { x.ResidentId, x.Date.Year, x.Date.Month }).Select(g => new { g.Key.ResidentId, Day = g.Max(x => x.Date) }).ToListAsync(ct))
            .Select(x => (x.ResidentId, x.Day));
    }

    public async Task<IReadOnlyList<FactRecord>> RecordsAsync(string measure, string dimension, Guid institutionId, int month, int skip, int take, CancellationToken ct)
    {
        var end = FactMonths.LastDay(month);
        var open = await db.Set<HealthRecord>().AsNoTracking()
            .Where(h => h.InstitutionId == institutionId && h.CreatedOn <= end && (h.ClosedOn == null || h.ClosedOn > end)).OrderBy(h => h.Number).ToListAsync(ct);
        if (measure == InUse)
        {
            var services = await LastServicesAsync(new[] { institutionId }, FactMonths.FirstDay(month), end, ct);
            open = open.Where(h => Used(services, h.ResidentId, end)).ToList();
        }
        var page = open.Skip(skip).Take(take).ToList();
        var people = await residents.GetManyAsync(page.Select(h => h.ResidentId), ct);
        return page.Select(h => new FactRecord(h.ResidentId, h.Number, ChinaTime.FormatDate(h.CreatedOn), PersonalNames.Mask(people.GetValueOrDefault(h.ResidentId)?.Name),
            $"{ChinaTime.FormatDate(h.CreatedOn)}建档，责任医生 {h.ResponsibleDoctor}", null)).ToList();
    }
}
