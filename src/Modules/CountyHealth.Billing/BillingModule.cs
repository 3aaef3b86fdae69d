using CountyHealth.Billing.Charges;
using CountyHealth.Billing.Contracts;
using CountyHealth.Billing.Payments;
using CountyHealth.Billing.Prices;
using CountyHealth.Billing.Seeding;
using CountyHealth.Indicators.Contracts;
using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Text;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Billing;

/// <summary>Price items, charges raised by any clinical module, payments, refunds and the cashier's daily settlement.</summary>
public sealed class BillingModule : IModule
{
    public string Name => "Billing";

    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<PriceCache>();
        services.AddScoped<IChargeService, ChargeService>();
        services.AddScoped<IPriceCatalogue, PriceCatalogue>();
        services.AddScoped<ISearchKeyRefresh, PriceSearchKeys>();
        services.AddScoped<Receipts>();
        services.AddScoped<IFactSource, Settlement.BillingFacts>();
        Settlement.BillingFacts.AddFeeds(services);
        services.AddScoped<IFactSource, Insurance.InsuranceFacts>();
        Insurance.InsuranceFacts.AddFeeds(services);
        services.AddScoped<IFactSource, Insurance.EnrolmentFacts>();
        Insurance.EnrolmentFacts.AddFeeds(services);
        services.AddScoped<IHomeCards, Settlement.CashierHomeCard>();
        services.AddScoped<IDemoData, BillingDemoData>();
        services.AddScoped<BillingHistory>();
        services.AddScoped<IBillingHistory>(sp => sp.GetRequiredService<BillingHistory>());
        services.AddScoped<ISyntheticData>(sp => sp.GetRequiredService<BillingHistory>());
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => Endpoints.Map(endpoints);

    public IReadOnlyList<NavigationLink> Navigation { get; } =
    [
        new(Desks.Registration, "/billing/cashier", "门诊收费", "Cashier", BillingPermissions.TakePayment, 2, "收取处方、检查费用，打印收据，退费"),
        new(Desks.Registration, "/billing/settlement", "收费日结", "Daily settlement", BillingPermissions.ReadSettlement, 3, "按收费员、支付方式核对当日收款"),
        new(Desks.Registration, "/billing/insurance/enrolments", "参保登记", "Insurance enrolment", BillingPermissions.InsuranceEnrol, 4, "登记居民的医保参保年度与险种"),
        new(IndicatorDesk.Desk, "/indicators?group=医保", "医保基金统计", "Insurance fund statistics", IndicatorPermissions.Read, 6,
            "参保率、受益面、补偿比、基金使用率，按机构与月份"),
        new(Desks.Administration, "/billing/insurance/policies", "医保补偿方案", "Insurance policies", BillingPermissions.InsurancePolicyManage, 40, "险种的起付线、报销比例、封顶线，自某日起生效"),
    ];

    public IReadOnlyList<Permission> Permissions => BillingPermissions.All;
}
