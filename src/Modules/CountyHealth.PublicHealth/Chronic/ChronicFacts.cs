using CountyHealth.Indicators.Contracts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Facts;
using CountyHealth.Kernel.Text;
using CountyHealth.Kernel.Time;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.Residents.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.PublicHealth.Chronic;

/// <summary>
/// The chronic programmes' monthly figures, by the institution that manages the patient and by programme: patients
/// managed at the month's end, of them those whose latest follow-up of the year so far was at target, the patients whose
/// fourth follow-up of the calendar year fell in the month (summed over a year: those followed up four times or more),
/// and follow-ups by their date. Counted per patient in memory (<see cref="ChronicCounts"/>): the rules are the same as the patient's page.
/// </summary>
internal sealed class ChronicFacts(CountyHealthDb db, IResidentDirectory residents) : IFactSource
{
    public const string Source = "publichealth";
    public const string Managed = "publichealth.managed";
    public const string Controlled = "publichealth.controlled";
    public const string StandardManaged = "publichealth.standard_managed";
    public const string FollowUps = "publichealth.follow_ups";

    /// <summary>Four face-to-face follow-ups a year: "按照规范要求" as commonly read (the specification does not write it out).</summary>
    public const int FollowUpsPerYear = 4;

    public string Name => Source;

    public bool CarriesForward => true;

    public IReadOnlyList<Measure> Measures { get; } =
    [
        new(Managed, "已管理患者数", "人", MeasureKind.EndOfPeriod, "月末在管（已纳入管理、未结案）的高血压、2型糖尿病患者，按管理机构", "programme"),
        new(Controlled, "血压（血糖）达标患者数", "人", MeasureKind.EndOfPeriod, "月末在管患者中，本年至月末最近一次随访血压（高血压）或空腹血糖（糖尿病）达标者", "programme"),
        new(StandardManaged, "规范管理患者数", "人", MeasureKind.Sum, "本年第4次随访落在本月的在管患者（按年累计即年内随访4次及以上者）", "programme"),
        new(FollowUps, "随访人次", "人次", MeasureKind.Sum, "随访记录，按随访日期计入月份", "programme"),
    ];

    public static void AddFeeds(IServiceCollection services)
    {
        services.AddSingleton<IFactFeed>(new FactFeed<ChronicEnrolment>(Source, e => (e.InstitutionId, e.EnrolledOn), nameof(ChronicEnrolment.Status),
            nameof(ChronicEnrolment.EndedOn), nameof(ChronicEnrolment.InstitutionId), nameof(ChronicEnrolment.EnrolledOn)));
        services.AddSingleton<IFactFeed>(new FactFeed<ChronicFollowUp>(Source, f => (f.InstitutionId, f.Date)));
    }

    public static string Part(Programme p) => "programme:" + (p == Programme.Hypertension ? "hypertension" : "diabetes");

    public async Task<IReadOnlyList<MonthlyFact>> CountAsync(FactRange range, CancellationToken ct)
    {
        var lastDay = FactMonths.LastDay(range.ToMonth);
        // The year of the range's first month: the control and the four follow-ups count within each calendar year.
        var yearStart = new DateOnly(FactMonths.FirstDay(range.FromMonth).Year, 1, 1);
        var enrolments = db.Set<ChronicEnrolment>().AsNoTracking().Where(e => e.EnrolledOn <= lastDay && (e.EndedOn == null || e.EndedOn >= yearStart));
        var followUps = db.Set<ChronicFollowUp>().AsNoTracking().Where(f => f.Date >= yearStart && f.Date <= lastDay);
        if (range.Institutions is { } some)
        {
            enrolments = enrolments.Where(e => some.Contains(e.InstitutionId));
            followUps = followUps.Where(f => some.Contains(f.InstitutionId));
        }
        var people = await enrolments.Select(e => new ChronicCounts.Patient(e.Id, e.InstitutionId, e.Programme, e.EnrolledOn, e.EndedOn)).ToListAsync(ct);
        var visits = await followUps.Select(f => new ChronicCounts.FollowUp(f.EnrolmentId, f.InstitutionId, f.Programme, f.Date, f.AtTarget)).ToListAsync(ct);
        var facts = ChronicCounts.Count(people, visits, range.FromMonth, range.ToMonth, FollowUpsPerYear)
            .Select(c => new MonthlyFact(c.Key.Institution, c.Key.Month, c.Key.Figure switch
            {
                ChronicCounts.Figure.Managed => Managed,
                ChronicCounts.Figure.Controlled => Controlled,
                ChronicCounts.Figure.StandardManaged => StandardManaged,
                _ => FollowUps,
            }, Part(c.Key.Programme), c.Value)).ToList();
        // Totals over both programmes.
        facts.AddRange(facts.GroupBy(f => (f.InstitutionId, f.Month, f.Measure)).Select(g => new MonthlyFact(g.Key.InstitutionId, g.Key.Month, g.Key.Measure, "", g.Sum(f => f.Value))).ToList());
        return facts;
    }

    public async Task<IReadOnlyList<FactRecord>> RecordsAsync(string measure, string dimension, Guid institutionId, int month, int skip, int take, CancellationToken ct)
    {
        var first = FactMonths.FirstDay(month);
        var end = first.AddMonths(1).AddDays(-1);
        Programme? programme = dimension switch { "programme:hypertension" => Programme.Hypertension, "programme:diabetes" => Programme.Diabetes, _ => null };
        if (measure == FollowUps)
        {
            var rows = await db.Set<ChronicFollowUp>().AsNoTracking().Where(f => f.InstitutionId == institutionId && f.Date >= first && f.Date <= end
                    && (programme == null || f.Programme == programme))
                .OrderBy(f => f.Date).ThenBy(f => f.Id).Skip(skip).Take(take).ToListAsync(ct);
            var names = await residents.GetManyAsync(rows.Select(r => r.ResidentId), ct);
            return rows.Select(f => new FactRecord(f.Id, ChronicRules.NameOf(f.Programme) + "随访", ChinaTime.FormatDate(f.Date), PersonalNames.Mask(names.GetValueOrDefault(f.ResidentId)?.Name),
                $"{ChronicRules.ClassName(f.Class)}" + (f.SystolicBp is { } s ? $"，血压 {s}/{f.DiastolicBp}" : "") + (f.FastingGlucose is { } g ? $"，空腹血糖 {g}" : ""), null)).ToList();
        }
        // The patients behind a stock or the four-visit count: this month's figure recounted for the one institution, listed.
        var facts = await CountEnrolmentsAsync(measure, institutionId, month, programme, ct);
        var page = facts.Skip(skip).Take(take).ToList();
        var people = await residents.GetManyAsync(page.Select(p => p.ResidentId), ct);
        return page.Select(p => new FactRecord(p.Id, ChronicRules.NameOf(p.Programme) + "患者管理", ChinaTime.FormatDate(p.EnrolledOn),
            PersonalNames.Mask(people.GetValueOrDefault(p.ResidentId)?.Name), $"{ChinaTime.FormatDate(p.EnrolledOn)}纳入管理", null)).ToList();
    }

    private async Task<List<ChronicEnrolment>> CountEnrolmentsAsync(string measure, Guid institutionId, int month, Programme? programme, CancellationToken ct)
    {
        var first = FactMonths.FirstDay(month);
        var end = first.AddMonths(1).AddDays(-1);
        var january = new DateOnly(first.Year, 1, 1);
        var enrolments = await db.Set<ChronicEnrolment>().AsNoTracking()
            .Where(e => e.InstitutionId == institutionId && e.EnrolledOn <= end && (programme == null || e.Programme == programme)).OrderBy(e => e.EnrolledOn).ThenBy(e => e.Id).ToListAsync(ct);
        var ids = enrolments.Select(e => e.Id).ToList();
        var visits = (await db.Set<ChronicFollowUp>().AsNoTracking().Where(f => ids.Contains(f.EnrolmentId) && f.Date >= january && f.Date <= end)
            .Select(f => new { f.EnrolmentId, f.Date, f.AtTarget }).ToListAsync(ct)).GroupBy(f => f.EnrolmentId).ToDictionary(g => g.Key, g => g.OrderBy(f => f.Date).ToList());
        var managed = enrolments.Where(e => e.EndedOn == null || e.EndedOn > end).ToList();
        return measure switch
        {
            Controlled => managed.Where(e => visits.TryGetValue(e.Id, out var v) && v[^1].AtTarget).ToList(),
            StandardManaged => enrolments.Where(e => visits.TryGetValue(e.Id, out var v) && v.Count >= FollowUpsPerYear && v[FollowUpsPerYear - 1].Date >= first).ToList(),
            _ => managed,
        };
    }
}
