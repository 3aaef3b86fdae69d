using CountyHealth.Indicators.Contracts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Facts;
using CountyHealth.Kernel.Text;
using CountyHealth.Kernel.Time;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.Residents.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.PublicHealth.Mental;

/// <summary>
/// The severe-mental-disorder programme's figures by the institution that manages the patient: patients registered at
/// the month's end, those whose fourth follow-up of the calendar year fell in the month (summed over a year: managed to
/// the specification), and follow-ups by their date.
/// </summary>
internal sealed class MentalFacts(CountyHealthDb db, IResidentDirectory residents) : IFactSource
{
    public const string Source = "mental";
    public const string Registered = "mental.registered";
    public const string StandardManaged = "mental.standard_managed";
    public const string FollowUps = "mental.follow_ups";

    public string Name => Source;

    public bool CarriesForward => true;

    public IReadOnlyList<Measure> Measures { get; } =
    [
        new(Registered, "登记在册的严重精神障碍患者数", "人", MeasureKind.EndOfPeriod, "月末登记在册（未结案）的确诊严重精神障碍患者，按管理机构"),
        new(StandardManaged, "规范管理的严重精神障碍患者数", "人", MeasureKind.Sum, "本年第4次随访落在本月的在册患者（按年累计即年内随访4次及以上者）"),
        new(FollowUps, "严重精神障碍患者随访人次", "人次", MeasureKind.Sum, "随访记录，按随访日期计入月份"),
    ];

    public static void AddFeeds(IServiceCollection services)
    {
        services.AddSingleton<IFactFeed>(new FactFeed<MentalPatient>(Source, p => (p.InstitutionId, p.RegisteredOn), nameof(MentalPatient.Status), nameof(MentalPatient.EndedOn),
            nameof(MentalPatient.InstitutionId), nameof(MentalPatient.RegisteredOn)));
        services.AddSingleton<IFactFeed>(new FactFeed<MentalFollowUp>(Source, f => (f.InstitutionId, f.Date)));
    }

    public async Task<IReadOnlyList<MonthlyFact>> CountAsync(FactRange range, CancellationToken ct)
    {
        var last = FactMonths.LastDay(range.ToMonth);
        var january = new DateOnly(FactMonths.FirstDay(range.FromMonth).Year, 1, 1);
        var patients = db.Set<MentalPatient>().AsNoTracking().Where(p => p.RegisteredOn <= last && (p.EndedOn == null || p.EndedOn >= january));
        var visits = db.Set<MentalFollowUp>().AsNoTracking().Where(f => f.Date >= january && f.Date <= last);
        if (range.Institutions is { } some)
        {
            patients = patients.Where(p => some.Contains(p.InstitutionId));
            visits = visits.Where(f => some.Contains(f.InstitutionId));
        }
        var people = await patients.Select(p => new { p.Id, p.InstitutionId, p.RegisteredOn, p.EndedOn }).ToListAsync(ct);
        var byPatient = (await visits.Select(f => new { f.PatientId, f.InstitutionId, f.Date }).ToListAsync(ct)).GroupBy(f => f.PatientId)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Date).Order().ToList());
        var facts = new List<MonthlyFact>();
        for (var month = range.FromMonth; month <= range.ToMonth; month = FactMonths.Add(month, 1))
        {
            var first = FactMonths.FirstDay(month);
            var end = first.AddMonths(1).AddDays(-1);
            var year = new DateOnly(first.Year, 1, 1);
            foreach (var g in people.GroupBy(p => p.InstitutionId))
            {
                var registered = g.Count(p => p.RegisteredOn <= end && (p.EndedOn == null || p.EndedOn > end));
                var standard = g.Count(p => byPatient.TryGetValue(p.Id, out var d) && d.Where(x => x >= year).Skip(MentalRules.FollowUpsPerYear - 1).FirstOrDefault() is var fourth
                    && fourth >= first && fourth <= end);
                var followUps = g.Sum(p => byPatient.TryGetValue(p.Id, out var d) ? d.Count(x => x >= first && x <= end) : 0);
                foreach (var (measure, value) in new[] { (Registered, registered), (StandardManaged, standard), (FollowUps, followUps) })
                {
                    if (value != 0)
                    {
                        facts.Add(new MonthlyFact(g.Key, month, measure, "", value));
                    }
                }
            }
        }
        return facts;
    }

    public async Task<IReadOnlyList<FactRecord>> RecordsAsync(string measure, string dimension, Guid institutionId, int month, int skip, int take, CancellationToken ct)
    {
        var first = FactMonths.FirstDay(month);
        var end = first.AddMonths(1).AddDays(-1);
        var year = new DateOnly(first.Year, 1, 1);
        var patients = await db.Set<MentalPatient>().AsNoTracking().Where(p => p.InstitutionId == institutionId && p.RegisteredOn <= end).OrderBy(p => p.RegisteredOn).ThenBy(p => p.Id).ToListAsync(ct);
        var ids = patients.Select(p => p.Id).ToList();
        var dates = (await db.Set<MentalFollowUp>().AsNoTracking().Where(f => ids.Contains(f.PatientId) && f.Date >= year && f.Date <= end).Select(f => new { f.PatientId, f.Date }).ToListAsync(ct))
            .GroupBy(f => f.PatientId).ToDictionary(g => g.Key, g => g.Select(f => f.Date).Order().ToList());
        var behind = measure switch
        {
            StandardManaged => patients.Where(p => dates.TryGetValue(p.Id, out var d) && d.Count >= MentalRules.FollowUpsPerYear && d[MentalRules.FollowUpsPerYear - 1] >= first).ToList(),
            FollowUps => patients.Where(p => dates.TryGetValue(p.Id, out var d) && d.Any(x => x >= first)).ToList(),
            _ => patients.Where(p => p.EndedOn == null || p.EndedOn > end).ToList(),
        };
        var page = behind.Skip(skip).Take(take).ToList();
        var names = await residents.GetManyAsync(page.Select(p => p.ResidentId), ct);
        return page.Select(p => new FactRecord(p.Id, "严重精神障碍患者管理", ChinaTime.FormatDate(p.RegisteredOn), PersonalNames.Mask(names.GetValueOrDefault(p.ResidentId)?.Name),
            $"{ChinaTime.FormatDate(p.RegisteredOn)}登记，年内随访 {(dates.TryGetValue(p.Id, out var d) ? d.Count : 0)} 次", null)).ToList();
    }
}
