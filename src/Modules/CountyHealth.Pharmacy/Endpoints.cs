using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Validation;
using CountyHealth.Pharmacy.Catalogue;
using CountyHealth.Pharmacy.Contracts;
using CountyHealth.Pharmacy.Dispensing;
using CountyHealth.Pharmacy.Stock;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CountyHealth.Pharmacy;

/// <summary>The pharmacy's routes, each to one use case.</summary>
internal static class Endpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var drugs = app.MapGroup("/api/v1/drugs").WithTags("药品");
        drugs.MapGet("/", (string? q, [Bounds(1, 200)] int? take, SearchDrugs h, CancellationToken ct) => h.HandleAsync(q, take, ct)).Requires(PlatformPermissions.ReferenceRead)
            .WithName("SearchDrugs").WithSummary("按名称、拼音首字母或编码查药品（含本机构可用库存）");
        drugs.MapPost("/", (DrugRequest r, CreateDrug h, CancellationToken ct) => h.HandleAsync(r, ct)).Requires(PharmacyPermissions.EditCatalogue)
            .WithName("CreateDrug").WithSummary("新增药品（全县药品目录）");
        var g = app.MapGroup("/api/v1/pharmacy").WithTags("药房");
        g.MapGet("/stock", (string? q, ListStock h, CancellationToken ct) => h.HandleAsync(q, ct)).Requires(PharmacyPermissions.ReadStock).WithName("ListStock").WithSummary("本机构药房库存（按药品汇总）");
        g.MapGet("/batches", (Guid? drugId, bool? includeEmpty, ListBatches h, CancellationToken ct) => h.HandleAsync(drugId, includeEmpty, ct))
            .Requires(PharmacyPermissions.ReadStock).WithName("ListBatches").WithSummary("本机构药房库存批次（近效期、过期标记）");
        g.MapPost("/receipts", (ReceiptRequest r, ReceiveStock h, CancellationToken ct) => h.HandleAsync(r, ct)).Requires(PharmacyPermissions.ReceiveStock).WithName("ReceiveStock").WithSummary("入库一个批次");
        g.MapGet("/dispensing", (string? status, string? prescription, ListDispenseOrders h, CancellationToken ct) => h.HandleAsync(status, prescription, ct))
            .Requires(PharmacyPermissions.Dispense).WithName("DispensingQueue").WithSummary("待发药（已收费）或已发药处方；prescription 按处方号查找");
        g.MapPost("/dispensing/{id:guid}/dispense", (Guid id, DispenseConfirmation? confirmation, Dispense h, CancellationToken ct) => h.HandleAsync(id, confirmation, ct))
            .Requires(PharmacyPermissions.Dispense).WithName("Dispense").WithSummary("发药：按效期先到先出扣减批次库存");
        g.MapPost("/dispensing/{id:guid}/return", (Guid id, ReturnRequest r, ReturnDispensed h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .Requires(PharmacyPermissions.Dispense).WithName("ReturnDispensed").WithSummary("退药：已发药品退回原批次，之后方可退费");
    }
}
