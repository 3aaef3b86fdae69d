using CountyHealth.Indicators.Contracts;
using CountyHealth.Indicators.Facts;
using CountyHealth.Indicators.Figures;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Indicators;

/// <summary>
/// The indicator engine every module feeds: monthly tables kept current from the modules' fact sources, the catalogue
/// of indicator definitions, figures with 同比/环比 and ranks, and the drill-down to the records behind them.
/// </summary>
public sealed class IndicatorsModule : IModule
{
    public string Name => "Indicators";

    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<IndicatorCatalogue>();
        services.AddHostedService<CatalogueCheck>();
        services.AddScoped<FactStore>();
        services.AddScoped<FigureTable>();
        services.AddScoped<IndicatorTargets>();
        services.AddSingleton<FormCatalogue>();
        services.AddScoped<AggregateReports>();
        services.AddScoped<IFactSource, AggregateFacts>();
        AggregateFacts.AddFeeds(services);
        AggregateFormFiles.Add(services, typeof(IndicatorsModule).Assembly);
        services.AddHostedService<FactRefresher>();
        services.AddScoped<Kernel.Modules.IHomeCards, DirectorHomeCard>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => Endpoints.Map(endpoints);

    /// <summary>The desk of the people who steer by the figures: the bureau, directors, public-health doctors.</summary>
    public static NavigationDesk Desk => IndicatorDesk.Desk;

    public IReadOnlyList<NavigationLink> Navigation { get; } =
    [
        new(Desk, "/indicators/dashboard", "决策分析看板", "Dashboard", IndicatorPermissions.Read, 0, "主要指标逐月趋势与各机构对比，图表可切换为表格"),
        new(Desk, "/indicators", "月统计与季分析", "Monthly statistics", IndicatorPermissions.Read, 1, "各机构重点指标的本期值、同比、环比与名次，点击数字下钻到记录"),
        new(Desk, "/indicators/targets", "年度目标", "Targets", IndicatorPermissions.Read, 2, "全县目标制定与分解，各机构时间过半任务过半"),
        new(Desk, "/indicators/summary", "工作总结草稿", "Work summary", IndicatorPermissions.Read, 3, "按统计期自动生成工作总结，数字取自指标，可下载 Word"),
        new(Desk, "/indicators/forms", "汇总填报与审核", "Aggregate forms", IndicatorPermissions.Read, 4, "记录中没有的数字按月填报，卫生健康局审核；校验规则与异常波动"),
        new(Desk, "/indicators/catalogue", "指标目录", "Indicator catalogue", IndicatorPermissions.Read, 5),
    ];

    public IReadOnlyList<Permission> Permissions => IndicatorPermissions.All;
}

/// <summary>The operator's handle on the monthly tables: the start builds them once, the rebuild-aggregates verb and the generator on demand.</summary>
public static class MonthlyTables
{
    /// <summary>Counts every source from scratch; returns the rows written.</summary>
    public static Task<int> RebuildAsync(IServiceProvider services, Action<string> progress, CancellationToken ct, IReadOnlyCollection<string>? sources = null) =>
        services.GetRequiredService<FactStore>().RebuildAsync(progress, ct, sources);

    /// <summary>Builds the tables when they were never built (a database from before the engine, a county just seeded).</summary>
    public static async Task<int> BuildIfNeverBuiltAsync(IServiceProvider services, Action<string> progress, CancellationToken ct) =>
        await services.GetRequiredService<FactStore>().NeverBuiltAsync(ct) ? await RebuildAsync(services, progress, ct) : 0;

    /// <summary>Counts the months marked since the last refresh now (the refresher does it every few seconds).</summary>
    public static Task<int> RefreshAsync(IServiceProvider services, CancellationToken ct) => services.GetRequiredService<FactStore>().RefreshAsync(ct);
}
