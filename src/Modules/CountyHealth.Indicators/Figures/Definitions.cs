using CountyHealth.Indicators.Contracts;
using CountyHealth.Indicators.Domain;
using CountyHealth.Indicators.Facts;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Facts;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CountyHealth.Indicators.Figures;

/// <summary>One indicator's definition page.</summary>
internal sealed class GetIndicator(IndicatorCatalogue catalogue) : IUseCase
{
    public Results<Ok<IndicatorRow>, ProblemHttpResult> Handle(string code) =>
        catalogue.Find(code) is { } i ? TypedResults.Ok(ListIndicators.Row(catalogue, i)) : Problems.NotFound("未找到该指标");
}

/// <summary>A measure of a formula as the definition page shows it: what counts, in which month.</summary>
public sealed record MeasureRow(string Key, string Name, string Unit, string Kind, string Counts, string Role);

/// <summary>An indicator's definition page: formula in words and as measures, unit, direction, levels, periods, effective date, source records.</summary>
public sealed record IndicatorRow(string Code, string Name, string Group, string Formula, string Unit, string Direction, string Levels, string Periods,
    string EffectiveFrom, string Definition, string Note, IReadOnlyList<MeasureRow> Measures);

/// <summary>The catalogue: every indicator with its definition.</summary>
internal sealed class ListIndicators(IndicatorCatalogue catalogue) : IUseCase
{
    public List<IndicatorRow> Handle() => catalogue.Indicators.Select(i => Row(catalogue, i)).ToList();

    internal static IndicatorRow Row(IndicatorCatalogue catalogue, Indicator i) => new(i.Code, i.Name, i.Group, i.Formula.ToString(), i.Unit, i.DirectionName, i.Levels, i.Periods,
        i.EffectiveFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), i.Definition, i.Note,
        i.Formula.Numerator.Select(t => Measure(catalogue, t, i.Formula.IsRatio ? "分子" : "数值"))
            .Concat((i.Formula.Denominator ?? []).Select(t => Measure(catalogue, t, "分母"))).ToList());

    private static MeasureRow Measure(IndicatorCatalogue catalogue, Term t, string role)
    {
        var m = catalogue.Measures[t.Measure];
        var part = t.Dimension.Length == 0 ? "" : "（" + t.Dimension + "）";
        return new(t.ToString(), m.Name + part, m.Unit, m.Kind == MeasureKind.Sum ? "按月累加" : "取期末值", m.Counts, (t.Sign < 0 ? "减 " : "") + role);
    }
}

/// <summary>The months of one indicator for one institution (or all within reach), with numerator and denominator.</summary>
public sealed record MonthFigure(string Month, decimal? Value, string Text, string? Reason, decimal Numerator, decimal? Denominator);

public sealed record IndicatorMonths(IndicatorRow Indicator, Guid? InstitutionId, string InstitutionName, IReadOnlyList<MonthFigure> Months);

/// <summary>The institution (all within reach when absent) and the year (this year when absent).</summary>
public sealed record MonthsQuery(Guid? Institution, [Bounds(2000, 2099)] int? Year);

/// <summary>An indicator month by month for a year: the second step of the drill-down (indicator → institution → months → records).</summary>
internal sealed class GetIndicatorMonths(FigureTable figures, IndicatorCatalogue catalogue, IAccessScope scope, IInstitutionDirectory directory, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<IndicatorMonths>, ProblemHttpResult>> HandleAsync(string code, MonthsQuery q, CancellationToken ct)
    {
        var year = q.Year ?? ChinaTime.Today(clock).Year;
        if (catalogue.Find(code) is not { } indicator)
        {
            return Problems.NotFound("未找到该指标");
        }
        var reach = await scope.InstitutionsAsync(IndicatorPermissions.Read, ct);
        IReadOnlyCollection<Guid> institutions;
        string name;
        if (q.Institution is { } one)
        {
            if (!await scope.CoversAsync(IndicatorPermissions.Read, one, ct) || await directory.FindAsync(one, ct) is not { } inst)
            {
                return Problems.NotFound("未找到该机构");
            }
            (institutions, name) = ([one], inst.Name);
        }
        else
        {
            institutions = reach ?? (await directory.ListAsync(ct)).Select(i => i.Id).ToList();
            name = reach is null ? "全县" : "所辖机构合计";
        }
        await figures.LoadAsync(institutions, year * 100 + 1, year * 100 + 12, ct, [indicator]);
        var months = Enumerable.Range(1, 12).Select(m => Period.Of(PeriodKind.Month, year * 100 + m)).Select(p =>
        {
            var f = figures.Evaluate(indicator, institutions, p);
            return new MonthFigure(FactMonths.Text(p.FromMonth), f.Value, indicator.Format(f.Value), f.Reason, f.Numerator, f.Denominator);
        }).ToList();
        return TypedResults.Ok(new IndicatorMonths(ListIndicators.Row(catalogue, indicator), q.Institution, name, months));
    }
}

public sealed record RecordsQuery(Guid Institution, string Month, [Bounds(0, 20)] int Term = 0, [Bounds(1, 10_000)] int Page = 1);

/// <summary>The records behind one term of a figure (de-identified), a page of 50.</summary>
public sealed record FigureRecords(string Indicator, string Measure, string Institution, string Month, IReadOnlyList<FactRecord> Records, bool HasMore);

/// <summary>
/// The last step of the drill-down: the records a term of the formula counted for one institution and month. Scoped by
/// the matrix (a village doctor sees her own clinic's, a township director those below it) and audited as a search.
/// </summary>
internal sealed class GetFigureRecords(IndicatorCatalogue catalogue, IEnumerable<IFactSource> sources, IAccessScope scope, IInstitutionDirectory directory, AuditLog audit) : IUseCase
{
    private const int PageSize = 50;

    public async Task<Results<Ok<FigureRecords>, ValidationProblem, ProblemHttpResult>> HandleAsync(string code, RecordsQuery q, CancellationToken ct)
    {
        if (catalogue.Find(code) is not { } indicator)
        {
            return Problems.NotFound("未找到该指标");
        }
        var terms = indicator.Formula.Terms.ToList();
        if (q.Term >= terms.Count)
        {
            return Problems.Field("term", "公式中没有这一项");
        }
        if (!Period.TryParse("month", q.Month, out var period))
        {
            return Problems.Field("month", "月份写作 2026-11");
        }
        if (!await scope.CoversAsync(IndicatorPermissions.Records, q.Institution, ct) || await directory.FindAsync(q.Institution, ct) is not { } inst)
        {
            return Problems.NotFound("未找到该机构");
        }
        var term = terms[q.Term];
        var source = sources.First(s => s.Name == catalogue.SourceOf(term.Measure));
        var records = await source.RecordsAsync(term.Measure, term.Dimension, q.Institution, period.FromMonth, (q.Page - 1) * PageSize, PageSize + 1, ct);
        await audit.SearchAsync("Indicator", $"指标明细 {indicator.Code} {term} {inst.Name} {q.Month}: {Math.Min(records.Count, PageSize)} 条");
        return TypedResults.Ok(new FigureRecords(indicator.Name, catalogue.Measures[term.Measure].Name, inst.Name, period.Name, records.Take(PageSize).ToList(), records.Count > PageSize));
    }
}
