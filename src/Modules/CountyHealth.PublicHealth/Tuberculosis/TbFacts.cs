using CountyHealth.Indicators.Contracts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Facts;
using CountyHealth.Kernel.Text;
using CountyHealth.Kernel.Time;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.Residents.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.PublicHealth.Tuberculosis;

/// <summary>
/// The TB programme's figures by the institution that manages the patient: patients notified in the month and, of
/// them, those managed (first home visit done, whenever); patients who completed treatment in the month and, of them,
/// those who took 90 % or more of their doses; and visits by their date.
/// </summary>
internal sealed class TbFacts(CountyHealthDb db, IResidentDirectory residents) : IFactSource
{
    public const string Source = "tb";
    public const string Notified = "tb.notified";
    public const string Managed = "tb.managed";
    public const string Completed = "tb.completed";
    public const string Regular = "tb.regular";
    public const string Visits = "tb.visits";

    public string Name => Source;

    /// <summary>A first visit or the end of treatment changes the months after the notice.</summary>
    public bool CarriesForward => true;

    public IReadOnlyList<Measure> Measures { get; } =
    [
        new(Notified, "通知管理的肺结核患者数", "人", MeasureKind.Sum, "上级定点医疗机构确诊并通知本机构管理的肺结核患者，按通知日期计入月份"),
        new(Managed, "已管理的肺结核患者数", "人", MeasureKind.Sum, "本月通知的患者中已做第一次入户随访者（随访日期不限）"),
        new(Completed, "完成治疗的肺结核患者数", "人", MeasureKind.Sum, "以“完成疗程”停止治疗的患者，按停止治疗日期计入月份"),
        new(Regular, "规则服药的肺结核患者数", "人", MeasureKind.Sum, "本月完成治疗的患者中实际服药次数达应服药次数90%及以上者"),
        new(Visits, "肺结核患者随访人次", "人次", MeasureKind.Sum, "第一次入户随访与督导随访记录，按随访日期计入月份"),
    ];

    public static void AddFeeds(IServiceCollection services)
    {
        services.AddSingleton<IFactFeed>(new FactFeed<TbPatient>(Source, p => (p.InstitutionId, p.NotifiedOn), nameof(TbPatient.Status), nameof(TbPatient.FirstVisitOn),
            nameof(TbPatient.StoppedOn), nameof(TbPatient.StopReason), nameof(TbPatient.DosesDue), nameof(TbPatient.DosesTaken), nameof(TbPatient.InstitutionId), nameof(TbPatient.NotifiedOn)));
        services.AddSingleton<IFactFeed>(new FactFeed<TbVisit>(Source, v => (v.InstitutionId, v.Date)));
    }

    private static bool IsRegular(TbPatient p) => p.StopReason == TbStopReason.Completed && TbRules.Regular(p.DosesDue ?? 0, p.DosesTaken ?? 0);

    public async Task<IReadOnlyList<MonthlyFact>> CountAsync(FactRange range, CancellationToken ct)
    {
        var first = FactMonths.FirstDay(range.FromMonth);
        var last = FactMonths.LastDay(range.ToMonth);
        var patients = db.Set<TbPatient>().AsNoTracking().Where(p => (p.NotifiedOn >= first && p.NotifiedOn <= last) || (p.StoppedOn >= first && p.StoppedOn <= last));
        var visits = db.Set<TbVisit>().AsNoTracking().Where(v => v.Date >= first && v.Date <= last);
        if (range.Institutions is { } some)
        {
            patients = patients.Where(p => some.Contains(p.InstitutionId));
            visits = visits.Where(v => some.Contains(v.InstitutionId));
        }
        var counts = new Dictionary<(Guid, int, string), int>();
        void Add(Guid institution, DateOnly day, string measure) => counts[(institution, FactMonths.Of(day), measure)] = counts.GetValueOrDefault((institution, FactMonths.Of(day), measure)) + 1;
        foreach (var p in await patients.ToListAsync(ct))
        {
            if (p.NotifiedOn >= first && p.NotifiedOn <= last)
            {
                Add(p.InstitutionId, p.NotifiedOn, Notified);
                if (p.FirstVisitOn is not null)
                {
                    Add(p.InstitutionId, p.NotifiedOn, Managed);
                }
            }
            if (p.StoppedOn is { } stopped && stopped >= first && stopped <= last && p.StopReason == TbStopReason.Completed)
            {
                Add(p.InstitutionId, stopped, Completed);
                if (IsRegular(p))
                {
                    Add(p.InstitutionId, stopped, Regular);
                }
            }
        }
        foreach (var v in await visits.Select(v => new { v.InstitutionId, v.Date }).ToListAsync(ct))
        {
            Add(v.InstitutionId, v.Date, Visits);
        }
        return counts.Select(c => new MonthlyFact(c.Key.Item1, c.Key.Item2, c.Key.Item3, "", c.Value)).ToList();
    }

    public async Task<IReadOnlyList<FactRecord>> RecordsAsync(string measure, string dimension, Guid institutionId, int month, int skip, int take, CancellationToken ct)
    {
        var first = FactMonths.FirstDay(month);
        var last = first.AddMonths(1).AddDays(-1);
        var patients = db.Set<TbPatient>().AsNoTracking().Where(p => p.InstitutionId == institutionId);
        patients = measure switch
        {
            Notified => patients.Where(p => p.NotifiedOn >= first && p.NotifiedOn <= last),
            Managed => patients.Where(p => p.NotifiedOn >= first && p.NotifiedOn <= last && p.FirstVisitOn != null),
            Completed or Regular => patients.Where(p => p.StoppedOn >= first && p.StoppedOn <= last && p.StopReason == TbStopReason.Completed),
            _ => patients.Where(p => db.Set<TbVisit>().Any(v => v.PatientId == p.Id && v.Date >= first && v.Date <= last)),
        };
        var rows = (await patients.OrderBy(p => p.NotifiedOn).ThenBy(p => p.Id).ToListAsync(ct)).Where(p => measure != Regular || IsRegular(p)).Skip(skip).Take(take).ToList();
        var names = await residents.GetManyAsync(rows.Select(p => p.ResidentId), ct);
        return rows.Select(p => new FactRecord(p.Id, "肺结核患者健康管理", ChinaTime.FormatDate(p.NotifiedOn), PersonalNames.Mask(names.GetValueOrDefault(p.ResidentId)?.Name),
            $"{ChinaTime.FormatDate(p.NotifiedOn)}通知，{TbRules.PatientTypeName(p.PatientType)}" + (p.FirstVisitOn is { } f ? $"，{ChinaTime.FormatDate(f)}首次入户" : "，未入户")
                + (p.StoppedOn is { } s ? $"，{ChinaTime.FormatDate(s)}{TbRules.StopReasonName(p.StopReason!.Value)}（服药 {p.DosesTaken}/{p.DosesDue}）" : ""), null)).ToList();
    }
}
