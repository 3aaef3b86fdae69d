using CountyHealth.Indicators.Contracts;
using CountyHealth.Indicators.Domain;
using CountyHealth.Indicators.Facts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Facts;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Indicators.Figures;

/// <summary>
/// A figure as a table cell: value and its text ("—" with the reason when there is none), 同比, 环比, the rank among
/// peers, and — where the bureau set one — the year's target and the progress against it (green, amber, red).
/// </summary>
public sealed record FigureCell(string Code, decimal? Value, string Text, string? Reason, decimal Numerator, decimal? Denominator,
    decimal? YearOnYear, decimal? PeriodOnPeriod, string ChangeUnit, int? Rank, int Peers, decimal? Target = null, string? Progress = null, string? Status = null);

/// <summary>One institution's row (or the county's, with no id).</summary>
public sealed record FigureRow(Guid? InstitutionId, string Name, string KindName, IReadOnlyList<FigureCell> Cells);

/// <summary>A column: the indicator as the header shows it, and which way is better (it colours a change).</summary>
public sealed record FigureColumn(string Code, string Name, string Unit, string DirectionName, Direction Direction);

/// <summary>
/// The monthly statistics (月统计) or quarterly analysis (季分析) of a period; <paramref name="HasPeriodBefore"/> says
/// whether it has a period of the same length just before it (a month, a quarter: 环比 is shown), <paramref name="Note"/>
/// why 同比 and 环比 are left out (a period not yet over would be compared with whole ones).
/// </summary>
public sealed record StatisticsReport(string Period, string PeriodKind, string Month, IReadOnlyList<FigureColumn> Columns, IReadOnlyList<FigureRow> Rows, string UpdatedNote,
    bool HasPeriodBefore, string? Note = null);

/// <summary>Query of the statistics: period kind (month, quarter, year, ytd; month when absent) and month (yyyy-MM; this month when absent); the indicators (codes, comma-separated; all when empty).</summary>
public sealed record StatisticsQuery(string? Kind, string? Month, string? Codes);

/// <summary>
/// Evaluates indicators from the monthly tables: a term is the sum of its measure over the period's months and the
/// institutions asked (the last month's value for a stock); a ratio is made of the summed parts, never an average of
/// ratios.
/// </summary>
internal sealed class FigureTable(CountyHealthDb db, IDbContextFactory<CountyHealthDb> contexts, IndicatorCatalogue catalogue, TimeProvider clock)
{
    private readonly Dictionary<(Guid Institution, int Month, string Measure, string Dimension), decimal> values = [];
    private readonly Dictionary<(int From, int To), Dictionary<(Guid Institution, string Measure, string Dimension), decimal>> sums = [];
    private readonly Dictionary<string, string> denominatorNames = [];

    /// <summary>The institutions with any figure loaded.</summary>
    public IReadOnlyCollection<Guid> Institutions => values.Keys.Select(k => k.Institution).ToHashSet();

    /// <summary>
    /// Loads the monthly figures of a range; with <paramref name="only"/>, just the measures and parts their formulas use
    /// (a handful of indicators need not read every doctor's and department's breakdown).
    /// </summary>
    public async Task LoadAsync(IReadOnlyCollection<Guid>? institutions, int fromMonth, int toMonth, CancellationToken ct, IEnumerable<Indicator>? only = null)
    {
        var q = db.Set<FactValue>().AsNoTracking().Where(f => f.Month >= fromMonth && f.Month <= toMonth);
        if (institutions is not null)
        {
            q = q.Where(f => institutions.Contains(f.InstitutionId));
        }
        if (only is not null)
        {
            var (measures, parts) = Wanted(only);
            q = q.Where(f => measures.Contains(f.Measure) && (f.Dimension == "" || parts.Contains(f.Dimension)));
        }
        foreach (var f in await q.Select(f => new { f.InstitutionId, f.Month, f.Measure, f.Dimension, f.Value }).ToListAsync(ct))
        {
            values[(f.InstitutionId, f.Month, f.Measure, f.Dimension)] = f.Value;
        }
    }

    /// <summary>
    /// Loads each period's figures already summed by the database (a flow over the period's months, a stock at its last
    /// month up to this one): a county's year is some 30,000 sums instead of 700,000 monthly figures. A period loaded so
    /// is evaluated from its sums; only those periods may then be evaluated. The periods are summed side by side, each on
    /// a context of its own: a table and its year before are two scans of a year each, and the database has the cores.
    /// </summary>
    public async Task LoadPeriodsAsync(IReadOnlyCollection<Guid>? institutions, IEnumerable<Period> periods, IEnumerable<Indicator> only, CancellationToken ct)
    {
        var (measures, parts) = Wanted(only);
        var stocks = measures.Where(m => catalogue.Measures[m].Kind == MeasureKind.EndOfPeriod).ToList();
        var flows = measures.Except(stocks).ToList();
        var current = FactMonths.Of(ChinaTime.Today(clock));
        async Task<((int, int) Range, Dictionary<(Guid, string, string), decimal> Table)> SumAsync(int from, int to)
        {
            await using var ctx = await contexts.CreateDbContextAsync(ct);
            IQueryable<FactValue> Of(List<string> wanted)
            {
                var q = ctx.Set<FactValue>().AsNoTracking().Where(f => wanted.Contains(f.Measure) && (f.Dimension == "" || parts.Contains(f.Dimension)));
                return institutions is null ? q : q.Where(f => institutions.Contains(f.InstitutionId));
            }
            var last = Math.Min(to, current);
            var table = new Dictionary<(Guid, string, string), decimal>();
            var summed = await Of(flows).Where(f => f.Month >= from && f.Month <= to).GroupBy(f => new { f.InstitutionId, f.Measure, f.Dimension })
                .Select(g => new { g.Key.InstitutionId, g.Key.Measure, g.Key.Dimension, Value = g.Sum(f => f.Value) }).ToListAsync(ct);
            var held = await Of(stocks).Where(f => f.Month == last).Select(f => new { f.InstitutionId, f.Measure, f.Dimension, f.Value }).ToListAsync(ct);
            foreach (var f in summed.Concat(held))
            {
                table[(f.InstitutionId, f.Measure, f.Dimension)] = f.Value;
            }
            return ((from, to), table);
        }
        foreach (var (range, table) in await Task.WhenAll(periods.Select(p => (p.FromMonth, p.ToMonth)).Distinct().Select(p => SumAsync(p.FromMonth, p.ToMonth))))
        {
            sums[range] = table;
        }
    }

    /// <summary>The measures the indicators' formulas use, and the parts (a doctor, a dose) beside the totals.</summary>
    private static (List<string> Measures, List<string> Parts) Wanted(IEnumerable<Indicator> indicators)
    {
        var terms = indicators.SelectMany(i => i.Formula.Terms).ToList();
        return (terms.Select(t => t.Measure).Distinct().ToList(), terms.Select(t => t.Dimension).Where(d => d.Length > 0).Distinct().ToList());
    }

    // A statistics table evaluates some 150,000 figures: the lookups are plain loops and the denominator's name is made
    // once an indicator, so the request does not spend its time collecting garbage.
    public Figure Evaluate(Indicator indicator, IReadOnlyCollection<Guid> institutions, Period period)
    {
        var current = FactMonths.Of(ChinaTime.Today(clock));
        var summed = sums.GetValueOrDefault((period.FromMonth, period.ToMonth));
        decimal ValueOf(Term t)
        {
            var total = 0m;
            if (summed is not null)
            {
                foreach (var i in institutions)
                {
                    total += summed.GetValueOrDefault((i, t.Measure, t.Dimension));
                }
                return total;
            }
            var stock = catalogue.Measures[t.Measure].Kind == MeasureKind.EndOfPeriod;
            foreach (var month in stock ? [Math.Min(period.ToMonth, current)] : period.Months)
            {
                foreach (var i in institutions)
                {
                    total += values.GetValueOrDefault((i, month, t.Measure, t.Dimension));
                }
            }
            return total;
        }
        return Figure.Evaluate(indicator.Formula, ValueOf, indicator.Decimals, DenominatorName(indicator));
    }

    private string DenominatorName(Indicator indicator)
    {
        if (!denominatorNames.TryGetValue(indicator.Code, out var name))
        {
            name = indicator.Formula.Denominator is { } d ? string.Join("、", d.Select(t => catalogue.Measures[t.Measure].Name).Distinct()) : "";
            denominatorNames[indicator.Code] = name;
        }
        return name;
    }
}

/// <summary>
/// The statistics table of a period: each institution the user's reach covers (the bureau: all; a director: hers and
/// those below), each indicator with its value, 同比, 环比 and rank among institutions of the same kind, and the total.
/// </summary>
internal sealed class GetStatistics(FigureTable figures, IndicatorCatalogue catalogue, IAccessScope scope, IInstitutionDirectory directory, CountyHealthDb db, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<StatisticsReport>, ValidationProblem, ProblemHttpResult>> HandleAsync(StatisticsQuery q, CancellationToken ct)
    {
        q = q with { Month = q.Month ?? $"{ChinaTime.Today(clock):yyyy-MM}" };
        if (!Period.TryParse(q.Kind, q.Month, out var period))
        {
            return Problems.Field("month", "统计期无效：月份写作 2026-11，期别为 month、quarter、year 或 ytd");
        }
        var codes = (q.Codes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var indicators = codes.Length == 0 ? catalogue.Indicators.ToList()
            : codes.Select(catalogue.Find).OfType<Indicator>().DistinctBy(i => i.Code).ToList();
        if (indicators.Count == 0)
        {
            return Problems.Field("codes", "未找到所选指标");
        }
        var reach = await scope.InstitutionsAsync(IndicatorPermissions.Read, ct);
        var all = await directory.ListAsync(ct);
        var shown = all.Where(i => i.Kind != InstitutionKind.Bureau && (reach is null || reach.Contains(i.Id))).ToList();
        // A period not over yet (this month, this quarter) is not compared with whole ones.
        var open = period.ToMonth >= FactMonths.Of(ChinaTime.Today(clock));
        var before = period.Before;
        var yearToDate = Period.Of(PeriodKind.YearToDate, period.ToMonth);
        await figures.LoadPeriodsAsync(reach, new[] { period, period.YearBefore, before, yearToDate }.OfType<Period>(), indicators, ct);
        var shownCodes = indicators.Select(i => i.Code).ToList();
        var targets = await db.Set<IndicatorTarget>().AsNoTracking().Where(t => t.Year == period.Year && shownCodes.Contains(t.IndicatorCode))
            .ToDictionaryAsync(t => (t.IndicatorCode, t.InstitutionId), t => t.Value, ct);
        var county = all.FirstOrDefault(i => i.Kind == InstitutionKind.Bureau)?.Id;
        var elapsed = TargetProgress.YearElapsed(period.ToMonth, ChinaTime.Today(clock));
        var rows = new List<FigureRow>();
        var cells = new Dictionary<(Guid, string), Figure>();
        foreach (var inst in shown)
        {
            foreach (var i in indicators)
            {
                cells[(inst.Id, i.Code)] = figures.Evaluate(i, [inst.Id], period);
            }
        }
        // The CDC and the supervision institute see no patients: they have a row only for what they report (their forms).
        shown.RemoveAll(i => i.Kind is InstitutionKind.Cdc or InstitutionKind.SupervisionInstitute && indicators.All(x => cells[(i.Id, x.Code)].Value is null or 0));
        var ids = shown.Select(i => i.Id).ToList();
        var ranks = indicators.ToDictionary(i => i.Code, i => shown.GroupBy(s => s.Kind)
            .SelectMany(g => Ranks.Of(g.Select(s => (s.Id, cells[(s.Id, i.Code)].Value)), i.Direction)).ToDictionary(x => x.Key, x => x.Value));
        var peers = shown.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.Count());
        FigureCell Cell(Indicator i, IReadOnlyCollection<Guid> insts, Figure f, Guid? rankOf, int peerCount, Guid? targetOf)
        {
            decimal? target = targetOf is { } t && targets.TryGetValue((i.Code, t), out var tv) ? tv : null;
            var progress = target is not { } goal ? TargetProgress.None
                : TargetProgress.Of(i, f.Value, i.Formula.IsRatio ? null : figures.Evaluate(i, insts, yearToDate).Value, goal, elapsed);
            var yoy = open ? null : figures.Evaluate(i, insts, period.YearBefore).Value;
            var mom = open || before is null ? null : figures.Evaluate(i, insts, before).Value;
            var (yearOnYear, unit) = Ranks.Change(i, f.Value, yoy);
            return new FigureCell(i.Code, f.Value, i.Format(f.Value), f.Reason, f.Numerator, f.Denominator, yearOnYear, Ranks.Change(i, f.Value, mom).Change, unit,
                rankOf is { } r && ranks[i.Code].TryGetValue(r, out var rank) ? rank : null, peerCount, target, progress.Text.Length > 0 ? progress.Text : null,
                progress.Status switch { TargetStatus.OnTrack => "green", TargetStatus.SlightlyBehind => "amber", TargetStatus.Behind => "red", _ => null });
        }
        foreach (var inst in shown)
        {
            rows.Add(new FigureRow(inst.Id, inst.Name, InstitutionKinds.ChineseName(inst.Kind), indicators.Select(i => Cell(i, [inst.Id], cells[(inst.Id, i.Code)], inst.Id, peers[inst.Kind], inst.Id)).ToList()));
        }
        if (shown.Count > 1)
        {
            rows.Add(new FigureRow(null, reach is null ? "全县合计" : "合计", "", indicators.Select(i => Cell(i, ids, figures.Evaluate(i, ids, period), null, 0, reach is null ? county : null)).ToList()));
        }
        return TypedResults.Ok(new StatisticsReport(period.Name, period.Kind.ToString(), q.Month!, indicators.Select(i => new FigureColumn(i.Code, i.Name, i.Unit, i.DirectionName, i.Direction)).ToList(),
            rows, "数据由业务记录自动汇总，记录变动后数秒内更新", before is not null, open ? $"{period.Name}尚未结束，数字截至今日，不计同比、环比" : null));
    }
}
