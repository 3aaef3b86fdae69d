using CountyHealth.Kernel.Security;
using CountyHealth.Surveillance.Cards;
using CountyHealth.Surveillance.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CountyHealth.Surveillance;

/// <summary>Reporting's routes, each to one use case.</summary>
internal static class Endpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/surveillance").WithTags("传染病报告");
        g.MapGet("/diseases", (ListDiseases h) => h.Handle())
            .Requires(SurveillancePermissions.Read).WithName("ListNotifiableDiseases").WithSummary("法定传染病病种（现行）：类别、报告时限、ICD-10");
        g.MapGet("/desk", (GetCardDesk h, CancellationToken ct) => h.HandleAsync(ct))
            .Requires(SurveillancePermissions.Read).WithName("ReportCardDesk").WithSummary("待报告、已超时、待审核的报告卡数");
        g.MapGet("/clusters", (ListClusters h, CancellationToken ct) => h.HandleAsync(ct))
            .Requires(SurveillancePermissions.Read).WithName("ReportCardClusters").WithSummary("聚集性疫情预警：同一乡镇一段时间内同一病种达到阈值（规则可配置）");
        g.MapGet("/cards", ([AsParameters] CardQuery q, ListCards h, CancellationToken ct) => h.HandleAsync(q, ct))
            .Requires(SurveillancePermissions.Read).WithName("ListReportCards").WithSummary("传染病报告卡列表（待报告、待审核、已审核……）");
        g.MapGet("/cards/{id:guid}", (Guid id, GetCard h, CancellationToken ct) => h.HandleAsync(id, false, ct))
            .Requires(SurveillancePermissions.Read).WithName("GetReportCard").WithSummary("传染病报告卡及其记录");
        g.MapGet("/cards/{id:guid}/print", (Guid id, GetCard h, CancellationToken ct) => h.HandleAsync(id, true, ct))
            .Requires(SurveillancePermissions.Read).WithName("PrintReportCard").WithSummary("打印传染病报告卡（记入审计）");
        g.MapPut("/cards/{id:guid}", (Guid id, CardRequest r, SaveCard h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .Requires(SurveillancePermissions.Report).WithName("SaveReportCard").WithSummary("保存报告卡；submit 为 true 时网络直报");
        g.MapPost("/cards/{id:guid}/withdraw", (Guid id, WithdrawCardRequest r, WithdrawCard h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .Requires(SurveillancePermissions.Report).WithName("WithdrawReportCard").WithSummary("删除报告卡（不予报告或误报），须写明原因");
        g.MapPost("/cards/{id:guid}/correction", (Guid id, CorrectCard h, CancellationToken ct) => h.HandleAsync(id, ct))
            .Requires(SurveillancePermissions.Report).WithName("CorrectReportCard").WithSummary("订正已审核的报告卡：生成订正卡");
        g.MapPost("/cards/{id:guid}/review", (Guid id, ReviewCardRequest r, ReviewCard h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .Requires(SurveillancePermissions.Review).WithName("ReviewReportCard").WithSummary("疾控审核报告卡：通过或退回（写明退卡原因）");
    }
}
