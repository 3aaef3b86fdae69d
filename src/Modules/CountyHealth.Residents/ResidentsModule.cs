using CountyHealth.Kernel.Data;
using CountyHealth.Residents.Api;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Residents;

public static class ResidentsModule
{
    public static IServiceCollection AddResidents(this IServiceCollection services)
    {
        services.AddSingleton(new ModelPart(typeof(ResidentsModule).Assembly));
        services.AddScoped<IResidentDirectory, ResidentDirectory>();
        return services;
    }

    public static IEndpointRouteBuilder MapResidents(this IEndpointRouteBuilder app)
    {
        ResidentsApi.MapResidentEndpoints(app);
        return app;
    }
}
