using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;

namespace CountyHealth.Indicators.Contracts;

/// <summary>Who reads the figures and who drills down to the records behind them (their reach is in the permission matrix).</summary>
public static class IndicatorPermissions
{
    public const string Read = "indicator.read";
    public const string Records = "indicator.records";
    public const string Rebuild = "indicator.rebuild";
    public const string Targets = "indicator.targets";
    public const string Report = "indicator.report";
    public const string Review = "indicator.review";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(Read, "查看指标、月统计与定义", "指标"),
        new(Records, "从指标下钻到明细记录（去标识）", "指标"),
        new(Rebuild, "重建月度汇总表", "指标"),
        new(Targets, "制定与分解年度指标目标", "指标"),
        new(Report, "填报本机构的汇总报表（记录中没有的数字）", "指标"),
        new(Review, "审核各机构上报的汇总报表", "指标"),
    ];
}

/// <summary>The desk of indicators and reports, where a module may add the statistics of its own figures.</summary>
public static class IndicatorDesk
{
    public static NavigationDesk Desk { get; } = new("indicators", "指标与报表", "Indicators & reports", "Insights", 80);
}
