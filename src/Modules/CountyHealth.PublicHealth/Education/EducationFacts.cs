using CountyHealth.Indicators.Contracts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Facts;
using CountyHealth.Kernel.Time;
using CountyHealth.PublicHealth.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.PublicHealth.Education;

/// <summary>Health education by the institution that held it: activities by form, and the people reached, by the activity's date.</summary>
internal sealed class EducationFacts(CountyHealthDb db) : IFactSource
{
    public const string Source = "education";
    public const string Activities = "education.activities";
    public const string Audience = "education.audience";

    public string Name => Source;

    public IReadOnlyList<Measure> Measures { get; } =
    [
        new(Activities, "健康教育活动次数", "次", MeasureKind.Sum, "健康教育活动记录，按活动日期与活动形式（讲座、咨询、宣传栏更换、印刷资料、音像资料、义诊）", "kind"),
        new(Audience, "接受健康教育人次", "人次", MeasureKind.Sum, "健康教育活动记录的接受健康教育人数之和", "kind"),
    ];

    public static void AddFeeds(IServiceCollection services) =>
        services.AddSingleton<IFactFeed>(new FactFeed<EducationActivity>(Source, a => (a.InstitutionId, a.Date)));

    public static string Part(EducationKind kind) => "kind:" + EducationRules.Key(kind);

    public async Task<IReadOnlyList<MonthlyFact>> CountAsync(FactRange range, CancellationToken ct)
    {
        var first = FactMonths.FirstDay(range.FromMonth);
        var last = FactMonths.LastDay(range.ToMonth);
        var rows = db.Set<EducationActivity>().AsNoTracking().Where(a => a.Date >= first && a.Date <= last);
        if (range.Institutions is { } some)
        {
            rows = rows.Where(a => some.Contains(a.InstitutionId));
        }
        var groups = (await rows.Select(a => new { a.InstitutionId, a.Date, a.Kind, a.AudienceCount }).ToListAsync(ct))
            .GroupBy(a => (a.InstitutionId, Month: FactMonths.Of(a.Date), a.Kind)).ToList();
        var facts = groups.SelectMany(g => new[]
        {
            new MonthlyFact(g.Key.InstitutionId, g.Key.Month, Activities, Part(g.Key.Kind), g.Count()),
            new MonthlyFact(g.Key.InstitutionId, g.Key.Month, Audience, Part(g.Key.Kind), g.Sum(a => a.AudienceCount)),
        }).ToList();
        facts.AddRange(facts.GroupBy(f => (f.InstitutionId, f.Month, f.Measure)).Select(g => new MonthlyFact(g.Key.InstitutionId, g.Key.Month, g.Key.Measure, "", g.Sum(f => f.Value))).ToList());
        return facts;
    }

    public async Task<IReadOnlyList<FactRecord>> RecordsAsync(string measure, string dimension, Guid institutionId, int month, int skip, int take, CancellationToken ct)
    {
        var first = FactMonths.FirstDay(month);
        var last = first.AddMonths(1).AddDays(-1);
        var rows = (await db.Set<EducationActivity>().AsNoTracking().Where(a => a.InstitutionId == institutionId && a.Date >= first && a.Date <= last)
            .OrderBy(a => a.Date).ThenBy(a => a.Id).ToListAsync(ct)).Where(a => dimension.Length == 0 || Part(a.Kind) == dimension).Skip(skip).Take(take);
        return rows.Select(a => new FactRecord(a.Id, EducationRules.KindName(a.Kind), ChinaTime.FormatDate(a.Date), a.Organiser, $"{a.Topic}（{a.Place}），{a.AudienceCount} 人",
            measure == Audience ? a.AudienceCount : null)).ToList();
    }
}
