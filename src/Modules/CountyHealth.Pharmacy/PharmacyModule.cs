using CountyHealth.Kernel.Data;
using CountyHealth.Pharmacy.Api;
using CountyHealth.Pharmacy.Contracts;
using CountyHealth.Pharmacy.Domain;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Pharmacy;

public static class PharmacyModule
{
    public static IServiceCollection AddPharmacy(this IServiceCollection services)
    {
        services.AddSingleton(new ModelPart(typeof(PharmacyModule).Assembly));
        services.AddScoped<IDrugCatalogue, DrugCatalogue>();
        services.AddScoped<IDispensingQueue, DispensingQueue>();
        services.AddScoped<Dispensing>();
        return services;
    }

    public static IEndpointRouteBuilder MapPharmacy(this IEndpointRouteBuilder app)
    {
        PharmacyApi.MapPharmacyEndpoints(app);
        return app;
    }
}
