using CountyHealth.Kernel.Security;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.Outpatient.Orders;
using CountyHealth.Outpatient.Prescriptions;
using CountyHealth.Outpatient.Visits;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CountyHealth.Outpatient;

/// <summary>The outpatient clinic's routes, each to one use case.</summary>
internal static class Endpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/frequencies", (ListFrequencies h) => h.Handle())
            .Requires(PlatformPermissions.ReferenceRead).WithTags("门诊").WithName("ListFrequencies").WithSummary("给药频次");
        var g = app.MapGroup("/api/v1").WithTags("门诊");
        g.MapPost("/visits", (VisitRequest r, RegisterVisit h, CancellationToken ct) => h.HandleAsync(r, ct))
            .Requires(OutpatientPermissions.Register).WithName("RegisterVisit").WithSummary("挂号：登记一次就诊并生成挂号费");
        g.MapGet("/visits", ([AsParameters] QueueFilter f, VisitQueue h, CancellationToken ct) => h.HandleAsync(f, ct))
            .Requires(OutpatientPermissions.Queue).WithName("VisitQueue").WithSummary("就诊队列（本机构，某日，可按科室、医生、状态过滤）");
        g.MapGet("/visits/{id:guid}", (Guid id, GetVisit h, CancellationToken ct) => h.HandleAsync(id, ct))
            .Requires(OutpatientPermissions.ReadChart).WithName("GetVisit").WithSummary("就诊详情与门诊病历");
        g.MapGet("/residents/{id:guid}/visits", (Guid id, VisitsOfResident h, CancellationToken ct) => h.HandleAsync(id, ct))
            .Requires(OutpatientPermissions.ReadChart).WithName("ResidentVisits").WithSummary("居民的门诊就诊记录（权限所及机构；紧急查阅时为全部）");
        var doc = g.MapGroup("").Requires(OutpatientPermissions.Treat);
        var rx = g.MapGroup("").Requires(OutpatientPermissions.Prescribe);
        doc.MapPut("/visits/{id:guid}/record", (Guid id, RecordRequest r, SaveRecord h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .WithName("SaveVisitRecord").WithSummary("保存主诉、病史、查体与生命体征");
        doc.MapPut("/visits/{id:guid}/diagnoses", (Guid id, DiagnosesRequest r, SaveDiagnoses h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .WithName("SaveDiagnoses").WithSummary("保存诊断（ICD-10）");
        rx.MapPost("/visits/{id:guid}/prescriptions", (Guid id, PrescriptionRequest r, WritePrescription h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .WithName("CreatePrescription").WithSummary("开西药处方（自动计算发药数量并生成费用）");
        rx.MapPut("/prescriptions/{id:guid}", (Guid id, PrescriptionRequest r, ChangePrescription h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .WithName("UpdatePrescription").WithSummary("修改本人开具、未收费的处方");
        g.MapGet("/prescriptions/{id:guid}/slip", (Guid id, GetPrescriptionSlip h, CancellationToken ct) => h.HandleAsync(id, ct))
            .Requires(OutpatientPermissions.PrintSlip).WithName("PrescriptionSlip").WithSummary("处方笺：按处方管理办法的格式打印，含审核、调配、核对、发药记录");
        rx.MapDelete("/prescriptions/{id:guid}", (Guid id, CancelPrescription h, CancellationToken ct) => h.HandleAsync(id, ct))
            .WithName("CancelPrescription").WithSummary("作废本人开具、未收费的处方");
        doc.MapPost("/visits/{id:guid}/orders", (Guid id, OrdersRequest r, AddOrders h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .WithName("AddOrders").WithSummary("开检查、检验、治疗项目（生成费用）");
        doc.MapPost("/visits/{id:guid}/finish", (Guid id, FinishVisit h, CancellationToken ct) => h.HandleAsync(id, ct))
            .WithName("FinishVisit").WithSummary("完成接诊");
        doc.MapPost("/visits/{id:guid}/reopen", (Guid id, ReopenRequest r, ReopenVisit h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .WithName("ReopenVisit").WithSummary("重新接诊：已完成的就诊须填写原因方可修改，记入审计日志");
    }
}
