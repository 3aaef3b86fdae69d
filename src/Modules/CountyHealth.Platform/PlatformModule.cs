using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Modules;
using CountyHealth.Platform.Access;
using CountyHealth.Platform.Contracts;
using CountyHealth.Platform.Diagnoses;
using CountyHealth.Platform.Institutions;
using CountyHealth.Platform.Seeding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Platform;

/// <summary>Institutions, departments, staff, accounts and roles, the scope rules, the ICD-10 dictionary and the audit log.</summary>
public sealed class PlatformModule : IModule
{
    public string Name => "Platform";

    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<DirectoryCache>();
        services.AddSingleton<DiagnosisCodes>();
        services.AddScoped<IInstitutionDirectory, InstitutionDirectory>();
        services.AddScoped<IAccessScope, AccessScope>();
        services.AddScoped<Accounts.PasswordCheck>();
        services.AddScoped<IDiagnosisDictionary, DiagnosisDictionary>();
        services.AddScoped<IDemoData, PlatformDemoData>();
        services.AddScoped<ISyntheticData, PlatformSyntheticData>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => Endpoints.Map(endpoints);

    public IReadOnlyList<NavigationLink> Navigation { get; } =
    [
        new(Desks.Administration, "/admin/institutions", "机构与科室", "Institutions", Roles.Admin, 1),
        new(Desks.Administration, "/admin/staff", "人员与账户", "Staff & accounts", Roles.Admin, 2),
        new(Desks.Administration, "/admin/audit", "审计日志", "Audit log", Roles.Admin, 3),
    ];
}
