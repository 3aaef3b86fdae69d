using CountyHealth.Billing.Contracts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Events;
using CountyHealth.Outpatient.Api;
using CountyHealth.Outpatient.Domain;
using CountyHealth.Pharmacy.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Outpatient;

public static class OutpatientModule
{
    public static IServiceCollection AddOutpatient(this IServiceCollection services)
    {
        services.AddSingleton(new ModelPart(typeof(OutpatientModule).Assembly));
        services.AddScoped<OutpatientBillingHandlers>();
        services.AddScoped<IDomainEventHandler<ChargesPaid>>(sp => sp.GetRequiredService<OutpatientBillingHandlers>());
        services.AddScoped<IDomainEventHandler<ChargesRefunded>>(sp => sp.GetRequiredService<OutpatientBillingHandlers>());
        services.AddScoped<IDomainEventHandler<PrescriptionDispensed>>(sp => sp.GetRequiredService<OutpatientBillingHandlers>());
        services.AddScoped<IDomainEventHandler<DispensedItemsReturned>>(sp => sp.GetRequiredService<OutpatientBillingHandlers>());
        return services;
    }

    public static IEndpointRouteBuilder MapOutpatient(this IEndpointRouteBuilder app)
    {
        OutpatientApi.MapOutpatientEndpoints(app);
        return app;
    }
}
