using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Platform.Api;
using CountyHealth.Platform.Contracts;
using CountyHealth.Platform.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Platform;

public static class PlatformModule
{
    public static IServiceCollection AddPlatform(this IServiceCollection services)
    {
        services.AddSingleton(new ModelPart(typeof(PlatformModule).Assembly));
        services.AddSingleton<InstitutionTreeCache>();
        services.AddScoped<IInstitutionDirectory, InstitutionDirectory>();
        services.AddScoped<IAccessScope, AccessScope>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<IDiagnosisDictionary, DiagnosisDictionary>();
        services.AddScoped<AccountSignIn>();
        services.AddScoped<AuditLog>();
        services.AddScoped<Ui.UiScope>();
        return services;
    }

    public static IEndpointRouteBuilder MapPlatform(this IEndpointRouteBuilder app)
    {
        app.MapAuth();
        app.MapAdmin();
        return app;
    }

    /// <summary>Lets the Blazor layout hand the circuit's principal to the scoped current user.</summary>
    public static void UsePrincipal(IServiceProvider scope, System.Security.Claims.ClaimsPrincipal principal, string? ip) =>
        scope.GetRequiredService<CurrentUser>().Use(principal, ip);
}
