using CountyHealth.Indicators.Contracts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Facts;
using CountyHealth.Kernel.Text;
using CountyHealth.Kernel.Time;
using CountyHealth.Surveillance.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Surveillance.Cards;

/// <summary>
/// Reporting's monthly figures: the first reports (初次报告卡) of each month of diagnosis at the reporting institution,
/// those sent within the legal limit, those the CDC reviewed and those it reviewed within the limit. A card withdrawn
/// (排除诊断, 重复) counts nowhere; a draft not sent counts among the cards due and never as sent in time; a correction
/// (订正) is not a new report. Counted per card in memory — a county's cards of five years are tens of thousands — so
/// the timeliness rules are the ones the card page applies.
/// </summary>
internal sealed class SurveillanceFacts(CountyHealthDb db) : IFactSource
{
    public const string Source = "surveillance";
    public const string Cards = "surveillance.cards";
    public const string Reported = "surveillance.cards_reported";
    public const string InTime = "surveillance.cards_in_time";
    public const string Reviewed = "surveillance.cards_reviewed";
    public const string ReviewedInTime = "surveillance.reviews_in_time";

    public string Name => Source;

    public IReadOnlyList<Measure> Measures { get; } =
    [
        new(Cards, "应报告卡数", "张", MeasureKind.Sum, "法定传染病诊断生成或填写的初次报告卡（不含已删除的卡与订正卡），按诊断时间计入月份、按报告单位计入机构；未报告的卡也计入", "disease"),
        new(Reported, "已报告卡数", "张", MeasureKind.Sum, "上述报告卡中已网络直报（首次提交）的卡", "disease"),
        new(InTime, "及时报告卡数", "张", MeasureKind.Sum, "首次提交在报告时限内（甲类及按甲类管理 2 小时、其他 24 小时，自诊断时间起）的卡", "disease"),
        new(Reviewed, "已审核卡数", "张", MeasureKind.Sum, "疾控已审核（通过或退回）的报告卡"),
        new(ReviewedInTime, "及时审核卡数", "张", MeasureKind.Sum, "审核时间距该次提交不超过报告时限（2 或 24 小时）的卡"),
    ];

    public static void AddFeeds(IServiceCollection services) =>
        services.AddSingleton<IFactFeed>(new FactFeed<ReportCard>(Source, c => (c.InstitutionId, ChinaTime.DayOf(c.DiagnosedAt))));

    public async Task<IReadOnlyList<MonthlyFact>> CountAsync(FactRange range, CancellationToken ct)
    {
        var from = ChinaTime.StartOfDayUtc(FactMonths.FirstDay(range.FromMonth));
        var to = ChinaTime.StartOfDayUtc(FactMonths.FirstDay(range.ToMonth).AddMonths(1));
        var cards = Counted().Where(c => c.DiagnosedAt >= from && c.DiagnosedAt < to);
        if (range.Institutions is { } some)
        {
            cards = cards.Where(c => some.Contains(c.InstitutionId));
        }
        var rows = await Times(cards).ToListAsync(ct);
        var facts = new List<MonthlyFact>();
        foreach (var g in rows.GroupBy(r => (r.InstitutionId, Month: FactMonths.Of(ChinaTime.DayOf(r.DiagnosedAt)))))
        {
            foreach (var measure in Measures)
            {
                var counted = g.Where(r => Counts(measure.Key, r)).ToList();
                if (counted.Count == 0)
                {
                    continue;
                }
                facts.Add(new MonthlyFact(g.Key.InstitutionId, g.Key.Month, measure.Key, "", counted.Count));
                if (measure.Breakdowns.Contains("disease"))
                {
                    facts.AddRange(counted.GroupBy(r => r.DiseaseCode).Select(d => new MonthlyFact(g.Key.InstitutionId, g.Key.Month, measure.Key, "disease:" + d.Key, d.Count())));
                }
            }
        }
        return facts;
    }

    /// <summary>A card's times as the rules read them.</summary>
    private sealed record CardTimes(Guid Id, Guid InstitutionId, DateTime DiagnosedAt, string DiseaseCode, DiseaseClass DiseaseClass, bool AsClassA, DateTime DueAt,
        DateTime? FirstSubmittedAt, DateTime? SubmittedAt, DateTime? ReviewedAt)
    {
        public TimeSpan Within => DiseaseClass == DiseaseClass.A || AsClassA ? TimeSpan.FromHours(2) : TimeSpan.FromHours(24);
    }

    private static IQueryable<CardTimes> Times(IQueryable<ReportCard> cards) =>
        cards.Select(c => new CardTimes(c.Id, c.InstitutionId, c.DiagnosedAt, c.DiseaseCode, c.DiseaseClass, c.AsClassA, c.DueAt, c.FirstSubmittedAt, c.SubmittedAt, c.ReviewedAt));

    /// <summary>Whether a card counts in a measure: the one statement of each measure's rule.</summary>
    private static bool Counts(string measure, CardTimes c) => measure switch
    {
        Cards => true,
        Reported => c.FirstSubmittedAt is not null,
        InTime => CardRules.ReportedInTime(c.DueAt, c.FirstSubmittedAt),
        Reviewed => c.ReviewedAt is not null,
        ReviewedInTime => CardRules.ReviewedInTime(c.Within, c.SubmittedAt, c.ReviewedAt),
        _ => false,
    };

    /// <summary>First reports not withdrawn.</summary>
    private IQueryable<ReportCard> Counted() =>
        db.Set<ReportCard>().AsNoTracking().Where(c => c.Kind == CardKind.Initial && c.Status != CardStatus.Withdrawn);

    public async Task<IReadOnlyList<FactRecord>> RecordsAsync(string measure, string dimension, Guid institutionId, int month, int skip, int take, CancellationToken ct)
    {
        var first = FactMonths.FirstDay(month);
        var (from, to) = (ChinaTime.StartOfDayUtc(first), ChinaTime.StartOfDayUtc(first.AddMonths(1)));
        var cards = Counted().Where(c => c.InstitutionId == institutionId && c.DiagnosedAt >= from && c.DiagnosedAt < to);
        if (dimension.StartsWith("disease:", StringComparison.Ordinal))
        {
            var code = dimension["disease:".Length..];
            cards = cards.Where(c => c.DiseaseCode == code);
        }
        // A month's cards at one institution are a handful: the rule is applied here, then the page taken.
        var all = await cards.OrderBy(c => c.DiagnosedAt).ThenBy(c => c.CardNumber)
            .Select(c => new
            {
                Times = new CardTimes(c.Id, c.InstitutionId, c.DiagnosedAt, c.DiseaseCode, c.DiseaseClass, c.AsClassA, c.DueAt, c.FirstSubmittedAt, c.SubmittedAt, c.ReviewedAt),
                c.CardNumber,
                c.PatientName,
                c.DiseaseName,
                c.Status
            })
            .ToListAsync(ct);
        return all.Where(c => Counts(measure, c.Times)).Skip(skip).Take(take)
            .Select(c => new FactRecord(c.Times.Id, c.CardNumber, ChinaTime.Format(c.Times.DiagnosedAt), PersonalNames.Mask(c.PatientName),
                $"{c.DiseaseName}，{ReportCard.StatusNameOf(c.Status)}，报告时限 {ChinaTime.Format(c.Times.DueAt)}" + (c.Times.FirstSubmittedAt is { } s ? $"，报告于 {ChinaTime.Format(s)}" : "，未报告"), null))
            .ToList();
    }
}
