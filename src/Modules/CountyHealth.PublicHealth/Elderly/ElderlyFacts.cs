using CountyHealth.Indicators.Contracts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Facts;
using CountyHealth.Kernel.Text;
using CountyHealth.Kernel.Time;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.Residents.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.PublicHealth.Elderly;

/// <summary>
/// Older people's health management by the institution that manages them: the annual checks by their date, and the
/// residents managed — whose first complete check of the calendar year fell in the month, with a health record made by
/// then (summed over a year: the residents managed that year).
/// </summary>
internal sealed class ElderlyFacts(CountyHealthDb db, IResidentDirectory residents) : IFactSource
{
    public const string Source = "elderly";
    public const string Checks = "elderly.checks";
    public const string Managed = "elderly.managed";

    public string Name => Source;

    public IReadOnlyList<Measure> Measures { get; } =
    [
        new(Checks, "老年人健康体检人次", "人次", MeasureKind.Sum, "65岁及以上居民的年度健康体检（含自理能力评估），按体检日期计入月份"),
        new(Managed, "接受健康管理的老年人数", "人", MeasureKind.Sum, "本年首次完整体检（评估、体检、规定的辅助检查齐全并有健康指导）落在本月、且当时已建档的65岁及以上居民（按年累计即年内接受健康管理人数）"),
    ];

    public static void AddFeeds(IServiceCollection services) =>
        services.AddSingleton<IFactFeed>(new FactFeed<ElderlyCheck>(Source, c => (c.InstitutionId, c.Date)));

    /// <summary>A check as the figures need it (not the exam's items: 406,629 checks on the full county), and whether a health record was kept that day.</summary>
    private sealed record Row(Guid Id, Guid ResidentId, Guid InstitutionId, DateOnly Date, bool Complete, bool Recorded);

    /// <summary>The checks from the January of <paramref name="first"/> to <paramref name="last"/>, each with whether a health record was kept that day.</summary>
    private async Task<List<Row>> ChecksAsync(IReadOnlyCollection<Guid>? institutions, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var january = new DateOnly(first.Year, 1, 1);
        var checks = db.Set<ElderlyCheck>().AsNoTracking().Where(c => c.Date >= january && c.Date <= last);
        if (institutions is not null)
        {
            checks = checks.Where(c => institutions.Contains(c.InstitutionId));
        }
        // A resident has one record at most: joined, not looked up check by check (406,629 index probes on the full county).
        var rows = await (from c in checks
                          join r in db.Set<HealthRecord>() on c.ResidentId equals r.ResidentId into kept
                          from h in kept.DefaultIfEmpty()
                          select new { c.Id, c.ResidentId, c.InstitutionId, c.Date, c.Complete, Recorded = h != null && h.CreatedOn <= c.Date && (h.ClosedOn == null || h.ClosedOn >= c.Date) })
            .ToListAsync(ct);
        return rows.Select(r => new Row(r.Id, r.ResidentId, r.InstitutionId, r.Date, r.Complete, r.Recorded)).OrderBy(r => r.Date).ThenBy(r => r.Id).ToList();
    }

    /// <summary>Each resident's first complete check of a calendar year, when she had a record then.</summary>
    private static IEnumerable<Row> FirstComplete(IEnumerable<Row> rows) => rows.Where(r => r.Complete)
        .GroupBy(r => (r.ResidentId, r.Date.Year)).Select(g => g.First()).Where(r => r.Recorded);

    public async Task<IReadOnlyList<MonthlyFact>> CountAsync(FactRange range, CancellationToken ct)
    {
        var first = FactMonths.FirstDay(range.FromMonth);
        var rows = await ChecksAsync(range.Institutions, first, FactMonths.LastDay(range.ToMonth), ct);
        var facts = rows.Where(c => c.Date >= first).GroupBy(c => (c.InstitutionId, Month: FactMonths.Of(c.Date)))
            .Select(g => new MonthlyFact(g.Key.InstitutionId, g.Key.Month, Checks, "", g.Count())).ToList();
        facts.AddRange(FirstComplete(rows).Where(c => c.Date >= first).GroupBy(c => (c.InstitutionId, Month: FactMonths.Of(c.Date)))
            .Select(g => new MonthlyFact(g.Key.InstitutionId, g.Key.Month, Managed, "", g.Count())));
        return facts;
    }

    public async Task<IReadOnlyList<FactRecord>> RecordsAsync(string measure, string dimension, Guid institutionId, int month, int skip, int take, CancellationToken ct)
    {
        var first = FactMonths.FirstDay(month);
        var rows = await ChecksAsync(new[] { institutionId }, first, first.AddMonths(1).AddDays(-1), ct);
        var ids = (measure == Managed ? FirstComplete(rows) : rows).Where(c => c.Date >= first).Skip(skip).Take(take).Select(c => c.Id).ToList();
        var checks = await db.Set<ElderlyCheck>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var page = ids.Select(id => checks[id]).ToList();
        var people = await residents.GetManyAsync(page.Select(c => c.ResidentId), ct);
        return page.Select(c => new FactRecord(c.ResidentId, "老年人健康体检", ChinaTime.FormatDate(c.Date), PersonalNames.Mask(people.GetValueOrDefault(c.ResidentId)?.Name),
            $"自理能力 {ElderlyRules.GradeName(c.SelfCareGrade)}（{c.SelfCareScore}分），血压 {c.SystolicBp}/{c.DiastolicBp}" + (c.Complete ? "，完整" : "，不完整"), null)).ToList();
    }
}
