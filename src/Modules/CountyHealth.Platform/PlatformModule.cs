using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Text;
using CountyHealth.Platform.Access;
using CountyHealth.Platform.Contracts;
using CountyHealth.Platform.Diagnoses;
using CountyHealth.Platform.Institutions;
using CountyHealth.Platform.Seeding;
using Microsoft.AspNetCore.Authorization;
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
        services.AddSingleton(sp => PermissionMatrixFile.Load(sp.GetRequiredService<DeclaredPermissions>()));
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicies>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddScoped<IAccessScope, AccessScope>();
        services.AddScoped<Accounts.PasswordCheck>();
        services.AddSingleton<Accounts.DecoyPasswords>();
        services.AddSingleton<Accounts.SignInSessions>();
        services.AddSingleton<ISignInSessions>(sp => sp.GetRequiredService<Accounts.SignInSessions>());
        services.AddScoped<IDiagnosisDictionary, DiagnosisDictionary>();
        services.AddScoped<ISearchKeyRefresh, DiagnosisSearchKeys>();
        services.AddScoped<Audit.AuditReader>();
        services.AddScoped<IDemoData, PlatformDemoData>();
        services.AddScoped<ISyntheticData, PlatformSyntheticData>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => Endpoints.Map(endpoints);

    public IReadOnlyList<NavigationLink> Navigation { get; } =
    [
        new(Desks.Administration, "/admin/institutions", "机构与科室", "Institutions", PlatformPermissions.DirectoryManage, 1, "维护全县机构树、科室及其层级"),
        new(Desks.Administration, "/admin/staff", "人员与账户", "Staff & accounts", PlatformPermissions.AccountsManage, 2, "登记人员、开通账户、调整角色、停用或解锁"),
        new(Desks.Administration, "/admin/permissions", "权限矩阵", "Permission matrix", PlatformPermissions.PermissionsRead, 3, "查看各角色在各机构层级的权限"),
        new(Desks.Administration, "/admin/audit", "审计日志", "Audit log", PlatformPermissions.AuditRead, 4, "谁在何时查阅、修改了哪位居民的哪条记录"),
        new(Desks.Administration, "/admin/reference-tables", "规则与代码表", "Rule tables", PlatformPermissions.ReferenceEdit, 5, "免疫程序、儿童健康检查时间表、法定传染病病种表、聚集性疫情预警阈值：查看、修订与历史版本"),
    ];

    public IReadOnlyList<Permission> Permissions => PlatformPermissions.All;
}
