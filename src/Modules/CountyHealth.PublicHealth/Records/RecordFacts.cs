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

    /// <summary>Months of records in use counted per query: their service months, with the twelve before, fit a 64-bit mask.</summary>
    internal const int MonthsPerQuery = 36;

    public async Task<IReadOnlyList<MonthlyFact>> CountAsync(FactRange range, CancellationToken ct)
    {
        var first = FactMonths.FirstDay(range.FromMonth);
        var last = FactMonths.LastDay(range.ToMonth);
        var records = KeptRecords(range.Institutions, first, last);
        var kept = await records.Select(h => new { h.InstitutionId, h.CreatedOn, h.ClosedOn }).ToListAsync(ct);
        var inUse = new Dictionary<(Guid, int), int>();
        var useFrom = Math.Max(range.FromMonth, FactMonths.Of(InUseFrom));
        for (var chunk = useFrom; chunk <= range.ToMonth; chunk = FactMonths.Add(chunk, MonthsPerQuery))
        {
            var part = new FactRange(range.Institutions, chunk, Math.Min(range.ToMonth, FactMonths.Add(chunk, MonthsPerQuery - 1)));
            foreach (var h in await InUseAsync(records, part, ct))
            {
                foreach (var month in UsedMonths(h.Served, h.LeapDays, BaseIndex(part), part).Where(m => IsOpen(h.CreatedOn, h.ClosedOn, FactMonths.LastDay(m))))
                {
                    inUse[(h.InstitutionId, month)] = inUse.GetValueOrDefault((h.InstitutionId, month)) + 1;
                }
            }
        }
        var facts = new List<MonthlyFact>();
        foreach (var g in kept.GroupBy(h => h.InstitutionId))
        {
            // Kept at a month's end: made by then less closed by then (a record is closed after it is made).
            var made = g.Select(h => h.CreatedOn).Order().ToArray();
            var closed = g.Where(h => h.ClosedOn is not null).Select(h => h.ClosedOn!.Value).Order().ToArray();
            for (var month = range.FromMonth; month <= range.ToMonth; month = FactMonths.Add(month, 1))
            {
                var end = FactMonths.LastDay(month);
                var open = UpTo(made, end) - UpTo(closed, end);
                if (open > 0)
                {
                    facts.Add(new MonthlyFact(g.Key, month, Kept, "", open));
                }
                if (inUse.GetValueOrDefault((g.Key, month)) is var used and > 0)
                {
                    facts.Add(new MonthlyFact(g.Key, month, InUse, "", used));
                }
            }
        }
        return facts;
    }

    /// <summary>The records made by the last day and not closed before the first, of the institutions when named.</summary>
    private IQueryable<HealthRecord> KeptRecords(IReadOnlyCollection<Guid>? institutions, DateOnly first, DateOnly last)
    {
        var records = db.Set<HealthRecord>().AsNoTracking().Where(h => h.CreatedOn <= last && (h.ClosedOn == null || h.ClosedOn >= first));
        return institutions is { } some ? records.Where(h => some.Contains(h.InstitutionId)) : records;
    }

    private static bool IsOpen(DateOnly createdOn, DateOnly? closedOn, DateOnly end) => createdOn <= end && (closedOn == null || closedOn > end);

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

    /// <summary>A month counted from year 0 (2025-01 → 24300), so that months subtract.</summary>
    internal static int MonthIndex(int month) => (month / 100 * 12) + (month % 100) - 1;

    /// <summary>The month of a mask's bit 0: twelve before the range's first, the earliest whose services reach into the range.</summary>
    internal static int BaseIndex(FactRange range) => MonthIndex(range.FromMonth) - 12;

    /// <summary>
    /// The months of the range whose end has a service within twelve months (<see cref="RecordCodes.InUse"/>), from a
    /// resident's service months as bits from <paramref name="baseIndex"/>: month M is in use when a service fell in
    /// M-11…M; a service on 29 February also keeps it in use at the end of the next February (twelve months before
    /// 28 February is the 28th, so the 29th is within them).
    /// </summary>
    internal static IEnumerable<int> UsedMonths(long served, long leapDays, int baseIndex, FactRange range)
    {
        for (var m = range.FromMonth; m <= range.ToMonth; m = FactMonths.Add(m, 1))
        {
            var i = MonthIndex(m) - baseIndex;
            var window = Bits(Math.Max(0, i - 11), i);
            if ((served & window) != 0 || (i >= 12 && i - 12 < 63 && ((leapDays >> (i - 12)) & 1) != 0))
            {
                yield return m;
            }
        }
    }

    /// <summary>Bits low…high of a 63-bit mask (empty when the span is outside it).</summary>
    private static long Bits(int low, int high)
    {
        high = Math.Min(high, 62);
        return low > high ? 0 : ((1L << (high + 1)) - 1) & ~((1L << low) - 1);
    }

    /// <summary>A record with its resident's service months in the range's reach, as <see cref="UsedMonths"/> reads them.</summary>
    private sealed class RecordUse
    {
        public Guid ResidentId { get; init; }
        public Guid InstitutionId { get; init; }
        public DateOnly CreatedOn { get; init; }
        public DateOnly? ClosedOn { get; init; }
        public long Served { get; init; }
        public long LeapDays { get; init; }
    }

    /// <summary>A resident served in a month (bit <see cref="Bit"/> of the mask), and whether on 29 February.</summary>
    private sealed class Served
    {
        public Guid ResidentId { get; init; }
        public int Bit { get; init; }
        public int LeapDay { get; init; }
    }

    /// <summary>
    /// The records with their residents' service months — every programme service, a dose given, an outpatient visit
    /// wherever she was seen — from twelve months before the range to its end, folded in the database to two masks a
    /// resident: one row a record instead of one a resident and month (ten million on the full county).
    /// </summary>
    private async Task<List<RecordUse>> InUseAsync(IQueryable<HealthRecord> records, FactRange range, CancellationToken ct)
    {
        var from = FactMonths.FirstDay(range.FromMonth).AddMonths(-12);
        var last = FactMonths.LastDay(range.ToMonth);
        var offset = BaseIndex(range) + 1;
        var institutions = range.Institutions;
        var doses = db.Set<Vaccination>().AsNoTracking().Where(v => v.Source == DoseSource.Given && v.GivenOn >= from && v.GivenOn <= last);
        if (institutions is not null)
        {
            doses = doses.Where(v => institutions.Contains(v.InstitutionId));
        }
        // Outpatient visits of the residents whose records the institutions keep, wherever they were seen.
        var seen = visits.SeenBetween(from, last);
        if (institutions is not null)
        {
            var keptHere = db.Set<HealthRecord>().Where(h => institutions.Contains(h.InstitutionId)).Select(h => h.ResidentId);
            seen = seen.Where(v => keptHere.Contains(v.ResidentId));
        }
        var served = doses.Select(v => new Served { ResidentId = v.ResidentId, Bit = (v.GivenOn.Year * 12) + v.GivenOn.Month - offset, LeapDay = v.GivenOn.Month == 2 && v.GivenOn.Day == 29 ? 1 : 0 })
            .Concat(ServedIn<ChronicFollowUp>(institutions, from, last, offset))
            .Concat(ServedIn<ElderlyCheck>(institutions, from, last, offset))
            .Concat(ServedIn<MentalFollowUp>(institutions, from, last, offset))
            .Concat(ServedIn<MaternalVisit>(institutions, from, last, offset))
            .Concat(ServedIn<ChildCheck>(institutions, from, last, offset))
            .Concat(ServedIn<TbVisit>(institutions, from, last, offset))
            .Concat(seen.Select(v => new Served { ResidentId = v.ResidentId, Bit = (v.Date.Year * 12) + v.Date.Month - offset, LeapDay = v.Date.Month == 2 && v.Date.Day == 29 ? 1 : 0 }));
        // Each month once, then its bit summed: a sum of distinct powers of two is their OR, on both databases.
        var masks = served.GroupBy(x => new { x.ResidentId, x.Bit }).Select(g => new { g.Key.ResidentId, g.Key.Bit, LeapDay = g.Max(x => x.LeapDay) })
            .GroupBy(x => x.ResidentId)
            .Select(g => new { ResidentId = g.Key, Served = g.Sum(x => Math.Pow(2, x.Bit)), LeapDays = g.Sum(x => x.LeapDay * Math.Pow(2, x.Bit)) });
        var rows = await (from h in records
                          join m in masks on h.ResidentId equals m.ResidentId
                          select new { h.ResidentId, h.InstitutionId, h.CreatedOn, h.ClosedOn, m.Served, m.LeapDays }).ToListAsync(ct);
        return rows.Select(r => new RecordUse
        {
            ResidentId = r.ResidentId,
            InstitutionId = r.InstitutionId,
            CreatedOn = r.CreatedOn,
            ClosedOn = r.ClosedOn,
            Served = (long)r.Served,
            LeapDays = (long)r.LeapDays,
        }).ToList();
    }

    private IQueryable<Served> ServedIn<T>(IReadOnlyCollection<Guid>? institutions, DateOnly from, DateOnly last, int offset)
        where T : class, IProgrammeService
    {
        var services = db.Set<T>().AsNoTracking().Where(x => x.Date >= from && x.Date <= last);
        if (institutions is not null)
        {
            services = services.Where(x => institutions.Contains(x.InstitutionId));
        }
        return services.Select(x => new Served { ResidentId = x.ResidentId, Bit = (x.Date.Year * 12) + x.Date.Month - offset, LeapDay = x.Date.Month == 2 && x.Date.Day == 29 ? 1 : 0 });
    }

    public async Task<IReadOnlyList<FactRecord>> RecordsAsync(string measure, string dimension, Guid institutionId, int month, int skip, int take, CancellationToken ct)
    {
        var end = FactMonths.LastDay(month);
        var open = await db.Set<HealthRecord>().AsNoTracking()
            .Where(h => h.InstitutionId == institutionId && h.CreatedOn <= end && (h.ClosedOn == null || h.ClosedOn > end)).OrderBy(h => h.Number).ToListAsync(ct);
        if (measure == InUse)
        {
            var range = new FactRange([institutionId], month, month);
            var used = (await InUseAsync(KeptRecords([institutionId], FactMonths.FirstDay(month), end), range, ct))
                .Where(u => UsedMonths(u.Served, u.LeapDays, BaseIndex(range), range).Any()).Select(u => u.ResidentId).ToHashSet();
            open = open.Where(h => used.Contains(h.ResidentId)).ToList();
        }
        var page = open.Skip(skip).Take(take).ToList();
        var people = await residents.GetManyAsync(page.Select(h => h.ResidentId), ct);
        return page.Select(h => new FactRecord(h.ResidentId, h.Number, ChinaTime.FormatDate(h.CreatedOn), PersonalNames.Mask(people.GetValueOrDefault(h.ResidentId)?.Name),
            $"{ChinaTime.FormatDate(h.CreatedOn)}建档，责任医生 {h.ResponsibleDoctor}", null)).ToList();
    }
}
