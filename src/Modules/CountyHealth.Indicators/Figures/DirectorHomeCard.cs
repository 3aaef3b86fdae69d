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
/// for the bureau), each beside last month's whole figure (a month not over is not compared as a change), and the way
/// to the monthly statistics.
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
        var last = period.Before!;
        await figures.LoadAsync(reach is null ? null : institutions, last.FromMonth, period.ToMonth, ct, Shown.Select(catalogue.Find).OfType<Indicator>());
        var all = reach is null ? figures.Institutions : institutions;
        var shown = new List<HomeFigure>();
        foreach (var code in Shown)
        {
            if (catalogue.Find(code) is not { } i)
            {
                continue;
            }
            var unit = i.Unit is "%" ? "" : " " + i.Unit;
            var now = figures.Evaluate(i, all, period);
            var before = figures.Evaluate(i, all, last);
            shown.Add(new HomeFigure(i.Name, $"{i.Format(now.Value)}{unit}（上月 {i.Format(before.Value)}{unit}）"));
        }
        return new HomeCard($"本月至今（{period.Name}）", shown, "/indicators/dashboard", "打开决策分析看板", 5, typeof(Components.HomeDashboard));
    }
}
