using CountyHealth.Billing.Charges;
using CountyHealth.Billing.Contracts;
using CountyHealth.Billing.Payments;
using CountyHealth.Billing.Prices;
using CountyHealth.Billing.Refunds;
using CountyHealth.Billing.Settlement;
using CountyHealth.Kernel.Security;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CountyHealth.Billing;

/// <summary>The cashier's routes, each to one use case.</summary>
internal static class Endpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/price-items", (string? kind, string? q, SearchPriceItems h, CancellationToken ct) => h.HandleAsync(kind, q, ct))
            .Requires(PlatformPermissions.ReferenceRead).WithTags("收费").WithName("SearchPriceItems").WithSummary("收费项目（挂号、检查、检验、治疗）");
        var g = app.MapGroup("/api/v1/billing").WithTags("收费");
        g.MapGet("/pending", (PendingCharges h, CancellationToken ct) => h.HandleAsync(ct)).Requires(BillingPermissions.ReadCharges).WithName("PendingCharges").WithSummary("本机构有待收费项目的就诊");
        g.MapGet("/visits/{visitId:guid}/charges", (Guid visitId, ChargesOfVisit h, CancellationToken ct) => h.HandleAsync(visitId, ct))
            .Requires(BillingPermissions.ReadCharges).WithName("VisitCharges").WithSummary("一次就诊的全部费用");
        g.MapPost("/payments", (PaymentRequest r, TakePayment h, CancellationToken ct) => h.HandleAsync(r, ct)).Requires(BillingPermissions.TakePayment).WithName("Pay").WithSummary("收费；同一 requestId 只收一次");
        g.MapGet("/payments/{id:guid}/receipt", (Guid id, GetReceipt h, CancellationToken ct) => h.HandleAsync(id, ct)).Requires(BillingPermissions.ReadCharges).WithName("Receipt").WithSummary("收据");
        g.MapPost("/refunds", (RefundRequest r, MakeRefund h, CancellationToken ct) => h.HandleAsync(r, ct))
            .Requires(BillingPermissions.Refund).WithName("Refund").WithSummary("退费（未发药的项目）；同一 requestId 只退一次");
        g.MapGet("/settlement", (DateOnly? date, string? cashier, DailySettlement h, CancellationToken ct) => h.HandleAsync(date, cashier, ct))
            .Requires(BillingPermissions.ReadSettlement).WithName("DailySettlement").WithSummary("收费员日结：按支付方式汇总收费与退费");
    }
}
