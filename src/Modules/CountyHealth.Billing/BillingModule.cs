using CountyHealth.Billing.Api;
using CountyHealth.Billing.Contracts;
using CountyHealth.Billing.Domain;
using CountyHealth.Kernel.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Billing;

public static class BillingModule
{
    public static IServiceCollection AddBilling(this IServiceCollection services)
    {
        services.AddSingleton(new ModelPart(typeof(BillingModule).Assembly));
        services.AddScoped<IChargeService, ChargeService>();
        services.AddScoped<IPriceCatalogue, PriceCatalogue>();
        services.AddScoped<Cashier>();
        return services;
    }

    public static IEndpointRouteBuilder MapBilling(this IEndpointRouteBuilder app)
    {
        BillingApi.MapBillingEndpoints(app);
        return app;
    }
}
