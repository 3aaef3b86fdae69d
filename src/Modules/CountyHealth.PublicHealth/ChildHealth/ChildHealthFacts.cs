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

namespace CountyHealth.PublicHealth.ChildHealth;

/// <summary>
/// Children's health management figures (工作指标 7 and 8, ../shared/domain/phs-forms-and-schedules.md §10): the live
/// births of the month from the resident index (活产数) and, of them, the newborns visited — whenever the visit was; the
/// children 0–6 at the month's end; those whose first check of the calendar year fell in the month (summed over a year:
/// the children with one or more checks that year); and the checks by their date. Births and children are counted by the
/// clinic that manages the child, checks by the institution that kept the check.
/// </summary>
internal sealed class ChildHealthFacts(CountyHealthDb db, IResidentDirectory residents, ReferenceTable<ChildCheckSchedule> table) : IFactSource
{
    public const string Source = "child";
    public const string LiveBirths = "child.live_births";
    public const string NewbornVisited = "child.newborn_visited";
    public const string Children = "child.children";
    public const string Managed = "child.managed";
    public const string Checks = "child.checks";
    public const string NewbornContact = "newborn";

    public string Name => Source;

    /// <summary>A child registered changes the children counted at every later month's end; a back-dated check can move a later month's first check of the year.</summary>
    public bool CarriesForward => true;

    public IReadOnlyList<Measure> Measures { get; } =
    [
        new(LiveBirths, "活产数", "人", MeasureKind.Sum, "居民主索引中本月出生的儿童，按管理机构（活产数以登记的出生居民计）"),
        new(NewbornVisited, "接受新生儿访视的新生儿数", "人", MeasureKind.Sum, "本月出生的儿童中已有新生儿家庭访视记录者（含此后月份补做的访视），按管理机构"),
        new(Children, "0～6岁儿童数", "人", MeasureKind.EndOfPeriod, "月末未满7岁的居民（居民主索引），按管理机构"),
        new(Managed, "接受健康管理的0～6岁儿童数", "人", MeasureKind.Sum, "本年首次儿童健康检查（含新生儿访视）落在本月的儿童（按年累计即年内接受1次及以上随访的0～6岁儿童数），按检查记录的管理机构"),
        new(Checks, "儿童健康检查人次", "人次", MeasureKind.Sum, "新生儿家庭访视与儿童健康检查记录，按检查日期计入月份"),
    ];

    public static void AddFeeds(IServiceCollection services)
    {
        services.AddSingleton<IFactFeed>(new FactFeed<ChildCheck>(Source, c => (c.InstitutionId, c.Date)));
        // A newborn visit counts in the child's birth month, up to 27 days before the visit (it is recorded before 满月).
        services.AddSingleton<IFactFeed>(new FactFeed<ChildCheck>(Source, c => c.Contact == NewbornContact ? (c.InstitutionId, c.Date.AddDays(-27)) : null));
        services.AddSingleton(sp => ResidentFeeds.ByBirth(Source, ChildCheckRules.UntilYears + 1, sp.GetRequiredService<TimeProvider>()));
    }

    private sealed record Child(Guid Id, Guid InstitutionId, DateOnly BirthDate);

    private sealed record Check(Guid Id, Guid ResidentId, Guid InstitutionId, string Contact, DateOnly Date);

    /// <summary>The children born from seven years before <paramref name="first"/> to <paramref name="last"/>, and those of them with a newborn visit.</summary>
    private async Task<(List<Child> Children, HashSet<Guid> Visited)> ChildrenAsync(IReadOnlyCollection<Guid>? institutions, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var born = residents.BornBetween(first.AddYears(-ChildCheckRules.UntilYears), last);
        if (institutions is not null)
        {
            born = born.Where(c => institutions.Contains(c.ManagingInstitutionId));
        }
        var children = (await born.Select(c => new { c.Id, c.ManagingInstitutionId, c.BirthDate }).ToListAsync(ct)).Select(c => new Child(c.Id, c.ManagingInstitutionId, c.BirthDate)).ToList();
        var newborns = born.Where(c => c.BirthDate >= first);
        var visited = (await db.Set<ChildCheck>().AsNoTracking().Where(c => c.Contact == NewbornContact && newborns.Select(b => b.Id).Contains(c.ResidentId))
            .Select(c => c.ResidentId).ToListAsync(ct)).ToHashSet();
        return (children, visited);
    }

    /// <summary>The checks from the January of <paramref name="first"/>'s year to <paramref name="last"/>, oldest first.</summary>
    private async Task<List<Check>> ChecksAsync(IReadOnlyCollection<Guid>? institutions, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var january = new DateOnly(first.Year, 1, 1);
        var checks = db.Set<ChildCheck>().AsNoTracking().Where(c => c.Date >= january && c.Date <= last);
        if (institutions is not null)
        {
            checks = checks.Where(c => institutions.Contains(c.InstitutionId));
        }
        return (await checks.Select(c => new { c.Id, c.ResidentId, c.InstitutionId, c.Contact, c.Date }).ToListAsync(ct))
            .Select(c => new Check(c.Id, c.ResidentId, c.InstitutionId, c.Contact, c.Date)).OrderBy(c => c.Date).ThenBy(c => c.Id).ToList();
    }

    /// <summary>Each child's first check of each calendar year.</summary>
    private static IEnumerable<Check> FirstOfYear(IEnumerable<Check> checks) => checks.GroupBy(c => (c.ResidentId, c.Date.Year)).Select(g => g.First());

    private static bool UnderSeven(Child c, DateOnly day) => c.BirthDate <= day && Age.On(c.BirthDate, day) < ChildCheckRules.UntilYears;

    public async Task<IReadOnlyList<MonthlyFact>> CountAsync(FactRange range, CancellationToken ct)
    {
        var first = FactMonths.FirstDay(range.FromMonth);
        var last = FactMonths.LastDay(range.ToMonth);
        var (children, visited) = await ChildrenAsync(range.Institutions, first, last, ct);
        var checks = await ChecksAsync(range.Institutions, first, last, ct);
        var facts = new List<MonthlyFact>();
        void Add(IEnumerable<(Guid Institution, int Month)> cells, string measure) =>
            facts.AddRange(cells.GroupBy(x => x).Select(g => new MonthlyFact(g.Key.Institution, g.Key.Month, measure, "", g.Count())));

        var newborns = children.Where(c => c.BirthDate >= first).ToList();
        Add(newborns.Select(c => (c.InstitutionId, FactMonths.Of(c.BirthDate))), LiveBirths);
        Add(newborns.Where(c => visited.Contains(c.Id)).Select(c => (c.InstitutionId, FactMonths.Of(c.BirthDate))), NewbornVisited);
        Add(checks.Where(c => c.Date >= first).Select(c => (c.InstitutionId, FactMonths.Of(c.Date))), Checks);
        Add(FirstOfYear(checks).Where(c => c.Date >= first).Select(c => (c.InstitutionId, FactMonths.Of(c.Date))), Managed);
        // Under seven at a month's end (UnderSeven) from the birth month until the month of the seventh birthday.
        var underSeven = new MonthSpans(range.FromMonth, range.ToMonth);
        foreach (var c in children)
        {
            underSeven.Add(c.InstitutionId, FactMonths.Of(c.BirthDate), FactMonths.Of(c.BirthDate.AddYears(ChildCheckRules.UntilYears)));
        }
        facts.AddRange(underSeven.Counts().Select(x => new MonthlyFact(x.InstitutionId, x.Month, Children, "", x.Count)));
        return facts;
    }

    public async Task<IReadOnlyList<FactRecord>> RecordsAsync(string measure, string dimension, Guid institutionId, int month, int skip, int take, CancellationToken ct)
    {
        var first = FactMonths.FirstDay(month);
        var end = first.AddMonths(1).AddDays(-1);
        var schedule = table.Current;
        if (measure is Checks or Managed)
        {
            var checks = await ChecksAsync(new[] { institutionId }, first, end, ct);
            var page = (measure == Managed ? FirstOfYear(checks) : checks).Where(c => c.Date >= first).Skip(skip).Take(take).ToList();
            var people = await residents.GetManyAsync(page.Select(c => c.ResidentId), ct);
            return page.Select(c => new FactRecord(c.ResidentId, schedule.Find(c.Contact)?.Name ?? c.Contact, ChinaTime.FormatDate(c.Date),
                PersonalNames.Mask(people.GetValueOrDefault(c.ResidentId)?.Name),
                people.GetValueOrDefault(c.ResidentId) is { } p ? $"{ChinaTime.FormatDate(p.BirthDate)}出生" + (measure == Managed ? "，本年首次检查" : "") : "", null)).ToList();
        }
        var (children, visited) = await ChildrenAsync(new[] { institutionId }, first, end, ct);
        var behind = (measure switch
        {
            LiveBirths => children.Where(c => c.BirthDate >= first),
            NewbornVisited => children.Where(c => c.BirthDate >= first && visited.Contains(c.Id)),
            _ => children.Where(c => UnderSeven(c, end)),
        }).OrderBy(c => c.BirthDate).ThenBy(c => c.Id).Skip(skip).Take(take).ToList();
        var names = await residents.GetManyAsync(behind.Select(c => c.Id), ct);
        return behind.Select(c => new FactRecord(c.Id, measure == Children ? "0～6岁儿童" : "新生儿", ChinaTime.FormatDate(c.BirthDate),
            PersonalNames.Mask(names.GetValueOrDefault(c.Id)?.Name),
            $"{ChinaTime.FormatDate(c.BirthDate)}出生" + (measure == Children ? "" : visited.Contains(c.Id) ? "，已做新生儿访视" : "，未做新生儿访视"), null)).ToList();
    }
}
