using CountyHealth.Indicators.Contracts;
using CountyHealth.Indicators.Domain;
using CountyHealth.Indicators.Facts;
using CountyHealth.Kernel.Facts;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CountyHealth.Indicators.Figures;

/// <summary>
/// A main figure of the month with its change on the same month last year (同比), and whether that change is for the
/// better (1), the worse (−1) or neither (0) by the indicator's direction.
/// </summary>
public sealed record DashboardTile(string Code, string Name, string Unit, decimal? Value, string Text, decimal? YearOnYear, string ChangeUnit, string? Reason, int Trend);

/// <summary>
/// One chart and the table behind it: a label per point (a month, an institution) and a series per line or bar
/// (this year and last; or the month's value), null where there is no value.
/// </summary>
public sealed record DashboardChart(string Code, string Title, string Unit, int Decimals, string Kind, IReadOnlyList<string> Labels, IReadOnlyList<DashboardSeries> Series);

public sealed record DashboardSeries(string Name, IReadOnlyList<decimal?> Values);

/// <summary>
/// The decision dashboard (院长决策分析 for a director, 全县 for the bureau): the month's main figures, each one's twelve
/// months against last year's, and the institutions side by side.
/// </summary>
public sealed record DashboardView(string Scope, Guid? InstitutionId, string Month, string MonthName, IReadOnlyList<DashboardTile> Tiles,
    IReadOnlyList<DashboardChart> Trends, IReadOnlyList<DashboardChart> Across, IReadOnlyList<InstitutionChoice> Choices);

public sealed record InstitutionChoice(Guid Id, string Name);

/// <summary>One institution (all within reach when absent) and the month ("2026-11"; last month when absent).</summary>
public sealed record DashboardQuery(Guid? Institution, [Text(7)] string? Month);

/// <summary>
/// Builds the dashboard from the monthly tables alone — two years of a handful of measures, loaded once — so it opens in
/// a few hundred milliseconds at county scale.
/// </summary>
internal sealed class GetDashboard(FigureTable figures, IndicatorCatalogue catalogue, IAccessScope scope, IInstitutionDirectory directory, Kernel.Security.ICurrentUser user, TimeProvider clock) : IUseCase
{
    /// <summary>The figures a director and the bureau steer by first (seed 003 篇7: 院长决策分析).</summary>
    public static readonly string[] Main = ["MZ01", "SF01", "SF03", "MZ05", "MZ08", "JM01"];

    /// <summary>The figures compared across institutions.</summary>
    private static readonly string[] Compared = ["MZ01", "SF03", "MZ08"];

    public async Task<Results<Ok<DashboardView>, ValidationProblem, ProblemHttpResult>> HandleAsync(DashboardQuery q, CancellationToken ct)
    {
        if (FieldErrors.For(q) is { Any: true } invalid)
        {
            return invalid.ToProblem();
        }
        var today = ChinaTime.Today(clock);
        var month = FactMonths.Add(FactMonths.Of(today), -1);
        if (q.Month is not null)
        {
            if (!Period.TryParse("month", q.Month, out var asked) || asked.ToMonth > FactMonths.Of(today))
            {
                return Problems.Field("month", "月份写作 2026-11，且不晚于本月");
            }
            month = asked.ToMonth;
        }
        var reach = await scope.InstitutionsAsync(IndicatorPermissions.Read, ct);
        var all = await directory.ListAsync(ct);
        var within = all.Where(i => i.Kind is not (InstitutionKind.Bureau or InstitutionKind.Cdc or InstitutionKind.SupervisionInstitute) && (reach is null || reach.Contains(i.Id))).ToList();
        IReadOnlyCollection<Guid> scoped;
        string name;
        if (q.Institution is { } one)
        {
            if (within.FirstOrDefault(i => i.Id == one) is not { } inst)
            {
                return Problems.NotFound("未找到该机构，或不在本账户可见的范围内");
            }
            (scoped, name) = ([one], inst.Name);
        }
        else
        {
            var own = within.FirstOrDefault(i => i.Id == user.InstitutionId)?.Name;
            (scoped, name) = (within.Select(i => i.Id).ToList(), reach is null ? "全县" : own is null ? "所辖机构" : within.Count > 1 ? own + "及所辖村卫生室" : own);
        }
        var indicators = Main.Select(catalogue.Find).OfType<Indicator>().ToList();
        var year = month / 100;
        await figures.LoadAsync(reach, (year - 1) * 100 + 1, month, ct, indicators);
        var period = Period.Of(PeriodKind.Month, month);
        var tiles = indicators.Select(i =>
        {
            var f = figures.Evaluate(i, scoped, period);
            var (change, unit) = Ranks.Change(i, f.Value, figures.Evaluate(i, scoped, period.YearBefore).Value);
            return new DashboardTile(i.Code, i.Name, i.Unit, f.Value, i.Format(f.Value), change, unit, f.Reason, Ranks.Judge(i.Direction, change));
        }).ToList();
        var labels = Enumerable.Range(1, 12).Select(m => $"{m}月").ToList();
        var trends = indicators.Select(i => new DashboardChart(i.Code, i.Name, i.Unit, i.Decimals, "line", labels,
        [
            new($"{year}年", Enumerable.Range(1, 12).Select(m => year * 100 + m <= month ? figures.Evaluate(i, scoped, Period.Of(PeriodKind.Month, year * 100 + m)).Value : null).ToList()),
            new($"{year - 1}年", Enumerable.Range(1, 12).Select(m => figures.Evaluate(i, scoped, Period.Of(PeriodKind.Month, (year - 1) * 100 + m)).Value).ToList()),
        ])).ToList();
        // Side by side: the institutions of the same kinds as the one shown (all township centres beside one), by value.
        var peers = q.Institution is { } shown ? within.Where(i => i.Kind == within.First(x => x.Id == shown).Kind).ToList()
            : within.Where(i => i.Kind != InstitutionKind.VillageClinic).ToList() is { Count: > 1 } centres ? centres : within;
        var across = Compared.Select(catalogue.Find).OfType<Indicator>().Select(i =>
        {
            var values = peers.Select(p => (p.Name, Value: figures.Evaluate(i, [p.Id], period).Value)).Where(v => v.Value is not null)
                .OrderByDescending(v => v.Value).Take(30).ToList();
            return new DashboardChart(i.Code, $"{i.Name}（{period.Name}，各机构）", i.Unit, i.Decimals, "bar", values.Select(v => v.Name).ToList(),
                [new(period.Name, values.Select(v => v.Value).ToList())]);
        }).ToList();
        return TypedResults.Ok(new DashboardView(name, q.Institution, FactMonths.Text(month), period.Name, tiles, trends, across,
            within.Where(i => i.Kind != InstitutionKind.VillageClinic || within.Count < 40).Select(i => new InstitutionChoice(i.Id, i.Name)).ToList()));
    }
}
