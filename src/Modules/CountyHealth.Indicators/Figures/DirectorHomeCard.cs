using CountyHealth.Indicators.Contracts;
using CountyHealth.Indicators.Domain;
using CountyHealth.Indicators.Facts;
using CountyHealth.Kernel.Facts;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Time;

namespace CountyHealth.Indicators.Figures;

/// <summary>
/// The director's (and the bureau's) home card: the main figures of the month so far for her institution (the county
/// for the bureau), each with its change on the same month last year, and the way to the monthly statistics.
/// </summary>
internal sealed class DirectorHomeCard(FigureTable figures, IndicatorCatalogue catalogue, ICurrentUser user, Platform.Contracts.IAccessScope scope, TimeProvider clock) : IHomeCards
{
    private static readonly string[] Shown = ["MZ01", "SF01", "SF03", "MZ05"];

    public string Permission => IndicatorPermissions.Read;

    public async Task<HomeCard> TodayAsync(CancellationToken ct)
    {
        var month = FactMonths.Of(ChinaTime.Today(clock));
        var period = Period.Of(PeriodKind.Month, month);
        var reach = await scope.InstitutionsAsync(IndicatorPermissions.Read, ct);
        IReadOnlyCollection<Guid> institutions = reach is null ? [] : user.InstitutionId is { } own ? [own] : [];
        await figures.LoadAsync(reach is null ? null : institutions, period.YearBefore.FromMonth, period.ToMonth, ct);
        var all = reach is null ? figures.Institutions : institutions;
        var shown = new List<HomeFigure>();
        foreach (var code in Shown)
        {
            if (catalogue.Find(code) is not { } i)
            {
                continue;
            }
            var now = figures.Evaluate(i, all, period);
            var before = figures.Evaluate(i, all, period.YearBefore).Value;
            var change = i.Unit == "%"
                ? now.Value is { } n && before is { } b ? $"（同比{(n - b >= 0 ? "+" : "")}{n - b:0.0}个百分点）" : ""
                : Ranks.Growth(now.Value, before) is { } g ? $"（同比{(g >= 0 ? "+" : "")}{g:0.0}%）" : "";
            shown.Add(new HomeFigure(i.Name, i.Format(now.Value) + (i.Unit is "%" ? "" : i.Unit == "元" ? " 元" : " " + i.Unit) + change));
        }
        return new HomeCard($"本月指标（{period.Name}）", shown, "/indicators", "看月统计", 5);
    }
}
