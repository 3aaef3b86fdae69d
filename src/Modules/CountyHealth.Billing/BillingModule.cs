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
    ];

    public IReadOnlyList<Permission> Permissions => BillingPermissions.All;
}
