using CountyHealth.Billing.Charges;
using CountyHealth.Billing.Contracts;
using CountyHealth.Billing.Insurance;
using CountyHealth.Billing.Payments;
using CountyHealth.Billing.Prices;
using CountyHealth.Billing.Refunds;
using CountyHealth.Billing.Settlement;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Validation;
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
        var ins = g.MapGroup("/insurance").WithTags("医保");
        ins.MapPost("/settlements", (SettlementRequest r, SettleCharges h, CancellationToken ct) => h.HandleAsync(r, ct))
            .Requires(BillingPermissions.InsuranceSettle).WithName("SettleInsurance").WithSummary("医保结算（即时结报）；同一 requestId 只结算一次");
        ins.MapGet("/settlements/{id:guid}", (Guid id, GetSettlement h, CancellationToken ct) => h.HandleAsync(id, ct))
            .Requires(BillingPermissions.InsuranceRead).WithName("InsuranceSettlement").WithSummary("医保结算单");
        ins.MapPost("/settlements/{id:guid}/reversal", (Guid id, SettlementReversalRequest r, ReverseSettlement h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .Requires(BillingPermissions.InsuranceSettle).WithName("ReverseInsuranceSettlement").WithSummary("撤销未收费的医保结算");
        ins.MapGet("/enrolments", (string? q, [Bounds(2000, 2099)] int? year, SearchEnrolments h, CancellationToken ct) => h.HandleAsync(q, year, ct))
            .Requires(BillingPermissions.InsuranceEnrol).WithName("SearchEnrolments").WithSummary("参保登记：查找居民及其参保情况");
        ins.MapPost("/enrolments", (EnrolmentRequest r, EnrolResident h, CancellationToken ct) => h.HandleAsync(r, ct))
            .Requires(BillingPermissions.InsuranceEnrol).WithName("EnrolResident").WithSummary("参保登记");
        ins.MapGet("/policies", (ListPolicies h, CancellationToken ct) => h.HandleAsync(ct))
            .Requires(PlatformPermissions.ReferenceRead).WithName("InsurancePolicies").WithSummary("医保补偿方案");
        ins.MapPost("/policies", (PolicyRequest r, CreatePolicy h, CancellationToken ct) => h.HandleAsync(r, ct))
            .Requires(BillingPermissions.InsurancePolicyManage).WithName("CreateInsurancePolicy").WithSummary("新增补偿方案（自某日起生效，不改写已用方案）");
        g.MapGet("/settlement", (DateOnly? date, string? cashier, DailySettlement h, CancellationToken ct) => h.HandleAsync(date, cashier, ct))
            .Requires(BillingPermissions.ReadSettlement).WithName("DailySettlement").WithSummary("收费员日结：按支付方式汇总收费与退费");
    }
}
