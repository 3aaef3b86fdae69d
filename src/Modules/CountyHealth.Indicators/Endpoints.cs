using CountyHealth.Indicators.Contracts;
using CountyHealth.Indicators.Figures;
using CountyHealth.Kernel.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CountyHealth.Indicators;

internal static class Endpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/indicators").WithTags("指标");
        g.MapGet("", (ListIndicators h) => h.Handle()).Requires(IndicatorPermissions.Read).WithName("ListIndicators").WithSummary("指标目录");
        g.MapGet("/statistics", ([AsParameters] StatisticsQuery q, GetStatistics h, CancellationToken ct) => h.HandleAsync(q, ct))
            .Requires(IndicatorPermissions.Read).WithName("GetStatistics").WithSummary("月统计 / 季分析：各机构各指标的值、同比、环比与名次");
        g.MapGet("/statistics.xlsx", ([AsParameters] StatisticsQuery q, StatisticsWorkbook h, CancellationToken ct) => h.HandleAsync(q, ct))
            .Requires(IndicatorPermissions.Read).WithName("GetStatisticsWorkbook").WithSummary("月统计 / 季分析导出为 Excel");
        g.MapGet("/dashboard", ([AsParameters] DashboardQuery q, GetDashboard h, CancellationToken ct) => h.HandleAsync(q, ct))
            .Requires(IndicatorPermissions.Read).WithName("GetDashboard").WithSummary("决策分析看板：本月主要指标、逐月趋势（同上年）与各机构对比，图表与表格同源");
        g.MapGet("/summary", ([AsParameters] SummaryQuery q, WriteWorkSummary h, CancellationToken ct) => h.HandleAsync(q, ct))
            .Requires(IndicatorPermissions.Read).WithName("GetWorkSummary").WithSummary("工作总结草稿：每个数字取自指标");
        g.MapGet("/summary.docx", ([AsParameters] SummaryQuery q, SummaryDocument h, CancellationToken ct) => h.HandleAsync(q, ct))
            .Requires(IndicatorPermissions.Read).WithName("GetWorkSummaryDocument").WithSummary("工作总结草稿（Word 文档）");
        g.MapGet("/targets", ([AsParameters] TargetQuery q, GetTargets h, CancellationToken ct) => h.HandleAsync(q, ct))
            .Requires(IndicatorPermissions.Read).WithName("GetTargets").WithSummary("某指标某年的全县与各机构目标");
        g.MapPost("/targets/county", (CountyTargetRequest r, SetCountyTarget h, CancellationToken ct) => h.HandleAsync(r, ct))
            .Requires(IndicatorPermissions.Targets).WithName("SetCountyTarget").WithSummary("制定全县目标并按上年完成量分解到各机构");
        g.MapPost("/targets/institution", (InstitutionTargetRequest r, SetInstitutionTarget h, CancellationToken ct) => h.HandleAsync(r, ct))
            .Requires(IndicatorPermissions.Targets).WithName("SetInstitutionTarget").WithSummary("调整一个机构的目标");
        var f = app.MapGroup("/api/v1/aggregate-forms").WithTags("汇总填报");
        f.MapGet("", (ListForms h) => h.Handle()).Requires(IndicatorPermissions.Read).WithName("ListAggregateForms").WithSummary("汇总填报表及其校验规则");
        f.MapGet("/sheet", ([AsParameters] FormSheetQuery q, GetFormSheet h, CancellationToken ct) => h.HandleAsync(q, ct))
            .Requires(IndicatorPermissions.Read).WithName("GetFormSheet").WithSummary("某表某月各机构的填报与审核状态");
        f.MapGet("/validation", ([AsParameters] ValidationQuery q, RunValidation h, CancellationToken ct) => h.HandleAsync(q, ct))
            .Requires(IndicatorPermissions.Read).WithName("RunFormValidation").WithSummary("校验运行：逐机构逐月列出不合规则、异常波动、未上报与未审核");
        f.MapGet("/report", ([AsParameters] ReportQuery q, GetAggregateReport h, CancellationToken ct) => h.HandleAsync(q, ct))
            .Requires(IndicatorPermissions.Read).WithName("GetAggregateReport").WithSummary("某机构某月的报表（未填时为空表）");
        f.MapPut("/reports", (AggregateReportRequest r, SaveAggregateReport h, CancellationToken ct) => h.HandleAsync(r, ct))
            .Requires(IndicatorPermissions.Report).WithName("SaveAggregateReport").WithSummary("保存草稿或上报：不合规则的数字拒收，异常波动须说明");
        f.MapPost("/reports/{id:guid}/review", (Guid id, ReviewReportRequest r, ReviewAggregateReport h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .Requires(IndicatorPermissions.Review).WithName("ReviewAggregateReport").WithSummary("审核通过或退回（须写明原因）");
        g.MapGet("/{code}", (string code, GetIndicator h) => h.Handle(code)).Requires(IndicatorPermissions.Read).WithName("GetIndicator").WithSummary("指标定义");
        g.MapGet("/{code}/months", (string code, [AsParameters] MonthsQuery q, GetIndicatorMonths h, CancellationToken ct) => h.HandleAsync(code, q, ct))
            .Requires(IndicatorPermissions.Read).WithName("GetIndicatorMonths").WithSummary("指标逐月值（下钻第二步）");
        g.MapGet("/{code}/records", (string code, [AsParameters] RecordsQuery q, GetFigureRecords h, CancellationToken ct) => h.HandleAsync(code, q, ct))
            .Requires(IndicatorPermissions.Records).WithName("GetFigureRecords").WithSummary("指标背后的明细记录（去标识）");
    }
}
