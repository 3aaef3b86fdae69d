using CountyHealth.Indicators.Contracts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Facts;
using CountyHealth.Kernel.Text;
using CountyHealth.Kernel.Time;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.Residents.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.PublicHealth.Maternal;

/// <summary>
/// The maternal programme's figures by the institution that manages the woman: registrations (建册) by their day; the
/// women delivered in the month, of them those registered before 13 weeks and those visited within 28 days of
/// discharge (counted in the delivery's month, whenever the visit was recorded). The rates' denominator, 活产数, is the
/// children's programme's <c>child.live_births</c> (from the resident index: births to women never registered count too).
/// </summary>
internal sealed class MaternalFacts(CountyHealthDb db, IResidentDirectory residents) : IFactSource
{
    public const string Source = "maternal";
    public const string Registered = "maternal.registered";
    public const string Deliveries = "maternal.deliveries";
    public const string EarlyRegistered = "maternal.early_registered";
    public const string PostpartumVisited = "maternal.postpartum_visited";

    public string Name => Source;

    /// <summary>A postpartum visit recorded late changes its delivery's month, not the month it was recorded in.</summary>
    public bool CarriesForward => true;

    public IReadOnlyList<Measure> Measures { get; } =
    [
        new(Registered, "孕产妇建册人数", "人", MeasureKind.Sum, "建册（第1次产前检查）的孕妇，按建册日期计入月份"),
        new(Deliveries, "产妇数", "人", MeasureKind.Sum, "已建册且登记分娩的产妇，按分娩日期计入月份"),
        new(EarlyRegistered, "孕13周前建册的产妇数", "人", MeasureKind.Sum, "本月分娩的产妇中，孕13周前（≤12⁺⁶周）建册并做第1次产前检查者"),
        new(PostpartumVisited, "产后28天内访视的产妇数", "人", MeasureKind.Sum, "本月分娩的产妇中，出院后28天内接受过产后访视者（访视日期不早于出院日）"),
    ];

    public static void AddFeeds(IServiceCollection services)
    {
        // Every visit changes the pregnancy (its count of contacts and next date): the pregnancy's month is marked.
        services.AddSingleton<IFactFeed>(new FactFeed<Pregnancy>(Source, p => (p.InstitutionId, p.DeliveredOn ?? p.RegisteredOn), nameof(Pregnancy.Status),
            nameof(Pregnancy.DeliveredOn), nameof(Pregnancy.DischargedOn), nameof(Pregnancy.Contacts), nameof(Pregnancy.InstitutionId), nameof(Pregnancy.RegisteredOn),
            nameof(Pregnancy.GestationDaysAtRegistration)));
    }

    private sealed record Case(Guid Id, Guid ResidentId, Guid InstitutionId, DateOnly RegisteredOn, int Gestation, DateOnly? DeliveredOn, DateOnly? DischargedOn);

    private async Task<(List<Case> Cases, Dictionary<Guid, DateOnly> Postpartum)> CasesAsync(IReadOnlyCollection<Guid>? institutions, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var pregnancies = db.Set<Pregnancy>().AsNoTracking()
            .Where(p => (p.RegisteredOn >= first && p.RegisteredOn <= last) || (p.DeliveredOn >= first && p.DeliveredOn <= last));
        if (institutions is { } some)
        {
            pregnancies = pregnancies.Where(p => some.Contains(p.InstitutionId));
        }
        var cases = (await pregnancies.Select(p => new { p.Id, p.ResidentId, p.InstitutionId, p.RegisteredOn, p.GestationDaysAtRegistration, p.DeliveredOn, p.DischargedOn }).ToListAsync(ct))
            .Select(p => new Case(p.Id, p.ResidentId, p.InstitutionId, p.RegisteredOn, p.GestationDaysAtRegistration, p.DeliveredOn, p.DischargedOn)).ToList();
        var visits = db.Set<MaternalVisit>().AsNoTracking().Where(v => v.Contact == MaternalContact.Postpartum && pregnancies.Select(p => p.Id).Contains(v.PregnancyId));
        var postpartum = (await visits.Select(v => new { v.PregnancyId, v.Date }).ToListAsync(ct)).GroupBy(v => v.PregnancyId).ToDictionary(g => g.Key, g => g.Min(v => v.Date));
        return (cases, postpartum);
    }

    private static bool Visited(Case c, Dictionary<Guid, DateOnly> postpartum) =>
        c.DischargedOn is { } discharged && postpartum.TryGetValue(c.Id, out var day) && MaternalRules.PostpartumCounted(discharged, day);

    public async Task<IReadOnlyList<MonthlyFact>> CountAsync(FactRange range, CancellationToken ct)
    {
        var first = FactMonths.FirstDay(range.FromMonth);
        var last = FactMonths.LastDay(range.ToMonth);
        var (cases, postpartum) = await CasesAsync(range.Institutions, first, last, ct);
        var counts = new Dictionary<(Guid, int, string), int>();
        void Add(Guid institution, DateOnly day, string measure) => counts[(institution, FactMonths.Of(day), measure)] = counts.GetValueOrDefault((institution, FactMonths.Of(day), measure)) + 1;
        foreach (var c in cases)
        {
            if (c.RegisteredOn >= first && c.RegisteredOn <= last)
            {
                Add(c.InstitutionId, c.RegisteredOn, Registered);
            }
            if (c.DeliveredOn is { } delivered && delivered >= first && delivered <= last)
            {
                Add(c.InstitutionId, delivered, Deliveries);
                if (MaternalRules.Early(c.Gestation))
                {
                    Add(c.InstitutionId, delivered, EarlyRegistered);
                }
                if (Visited(c, postpartum))
                {
                    Add(c.InstitutionId, delivered, PostpartumVisited);
                }
            }
        }
        return counts.Select(c => new MonthlyFact(c.Key.Item1, c.Key.Item2, c.Key.Item3, "", c.Value)).ToList();
    }

    public async Task<IReadOnlyList<FactRecord>> RecordsAsync(string measure, string dimension, Guid institutionId, int month, int skip, int take, CancellationToken ct)
    {
        var first = FactMonths.FirstDay(month);
        var last = first.AddMonths(1).AddDays(-1);
        var (cases, postpartum) = await CasesAsync(new[] { institutionId }, first, last, ct);
        var behind = (measure switch
        {
            Registered => cases.Where(c => c.RegisteredOn >= first && c.RegisteredOn <= last),
            EarlyRegistered => cases.Where(c => c.DeliveredOn >= first && c.DeliveredOn <= last && MaternalRules.Early(c.Gestation)),
            PostpartumVisited => cases.Where(c => c.DeliveredOn >= first && c.DeliveredOn <= last && Visited(c, postpartum)),
            _ => cases.Where(c => c.DeliveredOn >= first && c.DeliveredOn <= last),
        }).OrderBy(c => c.DeliveredOn ?? c.RegisteredOn).ThenBy(c => c.Id).Skip(skip).Take(take).ToList();
        var names = await residents.GetManyAsync(behind.Select(c => c.ResidentId), ct);
        return behind.Select(c => new FactRecord(c.Id, "孕产妇健康管理", ChinaTime.FormatDate(c.DeliveredOn ?? c.RegisteredOn), PersonalNames.Mask(names.GetValueOrDefault(c.ResidentId)?.Name),
            $"孕{MaternalRules.Weeks(c.Gestation)}建册" + (c.DeliveredOn is { } d ? $"，{ChinaTime.FormatDate(d)}分娩" : "")
                + (postpartum.TryGetValue(c.Id, out var v) ? $"，{ChinaTime.FormatDate(v)}产后访视" : c.DeliveredOn is null ? "" : "，未产后访视"), null)).ToList();
    }
}
