using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Access;
using CountyHealth.Platform.Accounts;
using CountyHealth.Platform.Audit;
using CountyHealth.Platform.Contracts;
using CountyHealth.Platform.Diagnoses;
using CountyHealth.Platform.Institutions;
using CountyHealth.Platform.Operations;
using CountyHealth.Platform.Personnel;
using CountyHealth.Platform.ReferenceTables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CountyHealth.Platform;

/// <summary>The Platform's routes, each to one use case.</summary>
internal static class Endpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("登录");
        auth.MapPost("/token", (SignInRequest r, IssueToken h, CancellationToken ct) => h.HandleAsync(r, ct)).AllowAnonymous()
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>(StatusCodes.Status200OK)
            .WithName("IssueToken").WithSummary("用户名和密码换取访问令牌（Bearer）");
        auth.MapPost("/refresh", (RefreshRequest r, RefreshToken h, CancellationToken ct) => h.HandleAsync(r, ct)).AllowAnonymous()
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>(StatusCodes.Status200OK)
            .WithName("RefreshToken").WithSummary("用刷新令牌换取新的访问令牌与刷新令牌（每个刷新令牌只能用一次）");
        auth.MapPost("/logout", (EndTokenSession h, CancellationToken ct) => h.HandleAsync(ct)).Requires(PlatformPermissions.AccountSelf)
            .WithName("RevokeToken").WithSummary("退出登录：本次登录的访问令牌与刷新令牌立即失效");
        // The browser signs in with a form post: Blazor's interactive circuit cannot set cookies. Both forms carry an
        // antiforgery token, which the use cases check (the form is read by hand, so the framework would not).
        app.MapPost("/account/login", (HttpContext ctx, FormSignIn h) => h.HandleAsync(ctx)).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapPost("/account/logout", (HttpContext ctx, SignOut h) => h.HandleAsync(ctx)).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapPost("/api/v1/me/password", (PasswordChange r, ChangeOwnPassword h, CancellationToken ct) => h.HandleAsync(r, ct)).Requires(PlatformPermissions.AccountSelf)
            .WithTags("登录").WithName("ChangeOwnPassword").WithSummary("修改本人密码（之后所有登录失效，须重新登录）");
        app.MapGet("/api/v1/me", (Me h, CancellationToken ct) => h.HandleAsync(ct)).Requires(PlatformPermissions.AccountSelf).WithTags("登录").WithName("Me").WithSummary("当前用户");

        var g = app.MapGroup("/api/v1").WithTags("机构与人员");
        g.MapGet("/institutions", (ListInstitutions h, CancellationToken ct) => h.HandleAsync(ct)).Requires(PlatformPermissions.DirectoryRead)
            .WithName("ListInstitutions").WithSummary("机构列表（本机构及下级）");
        g.MapPost("/institutions", (InstitutionRequest r, CreateInstitution h, CancellationToken ct) => h.HandleAsync(r, ct)).Requires(PlatformPermissions.DirectoryManage)
            .WithName("CreateInstitution").WithSummary("新增机构");
        g.MapPut("/institutions/{id:guid}", (Guid id, InstitutionRequest r, UpdateInstitution h, CancellationToken ct) => h.HandleAsync(id, r, ct)).Requires(PlatformPermissions.DirectoryManage)
            .WithName("UpdateInstitution").WithSummary("修改机构");
        g.MapGet("/departments", (Guid? institutionId, ListDepartments h, CancellationToken ct) => h.HandleAsync(institutionId, ct)).Requires(PlatformPermissions.DirectoryRead)
            .WithName("ListDepartments").WithSummary("科室列表（本机构，或权限所及的某机构）");
        g.MapPost("/departments", (DepartmentRequest r, CreateDepartment h, CancellationToken ct) => h.HandleAsync(r, ct)).Requires(PlatformPermissions.DirectoryManage)
            .WithName("CreateDepartment").WithSummary("新增科室");
        g.MapGet("/staff", ([AsParameters] StaffFilter f, ListStaff h, CancellationToken ct) => h.HandleAsync(f, ct)).Requires(PlatformPermissions.DirectoryRead)
            .WithName("ListStaff").WithSummary("人员列表；role 过滤出某角色（如 doctor）");
        g.MapPost("/staff", (StaffRequest r, CreateStaff h, CancellationToken ct) => h.HandleAsync(r, ct)).Requires(PlatformPermissions.AccountsManage)
            .WithName("CreateStaff").WithSummary("新增人员");
        g.MapPost("/users", (UserRequest r, CreateUser h, CancellationToken ct) => h.HandleAsync(r, ct)).Requires(PlatformPermissions.AccountsManage)
            .WithName("CreateUser").WithSummary("新增登录账户并分配角色");
        g.MapPut("/users/{userName}", (string userName, AccountChange r, ChangeAccount h, CancellationToken ct) => h.HandleAsync(userName, r, ct)).Requires(PlatformPermissions.AccountsManage)
            .WithName("ChangeAccount").WithSummary("修改账户角色或停用账户（该账户的所有登录立即失效）");
        g.MapPost("/users/{userName}/unlock", (string userName, UnlockUser h) => h.HandleAsync(userName)).Requires(PlatformPermissions.AccountsManage)
            .WithName("UnlockUser").WithSummary("解除账户锁定");
        g.MapGet("/roles", (ListRoles h) => h.Handle()).Requires(PlatformPermissions.ReferenceRead).WithName("ListRoles").WithSummary("角色");
        g.MapGet("/permissions", (ReadPermissionMatrix h) => h.Handle()).Requires(PlatformPermissions.PermissionsRead)
            .WithName("PermissionMatrix").WithSummary("权限矩阵：每个角色对每项操作的权限范围（本机构、本机构及下级、全县）");
        g.MapGet("/audit", ([AsParameters] AuditFilter f, SearchAudit h, CancellationToken ct) => h.HandleAsync(f, ct)).Requires(PlatformPermissions.AuditRead)
            .WithTags("审计").WithName("SearchAudit").WithSummary("查询审计日志").WithDescription(Paging.Describe(50, 500));
        g.MapGet("/system/counters", (ReadServerCounters h) => h.Handle()).Requires(PlatformPermissions.SystemCounters)
            .WithTags("系统").WithName("ServerCounters").WithSummary("服务器累计 CPU 时间与数据库语句数（用于性能测量）");
        var tables = app.MapGroup("/api/v1/reference-tables").WithTags("规则与代码表");
        tables.MapGet("", (ListReferenceTables h, CancellationToken ct) => h.HandleAsync(ct)).Requires(PlatformPermissions.ReferenceRead)
            .WithName("ListReferenceTables").WithSummary("各模块的规则与代码表（免疫程序、法定传染病病种表等）及现行版本");
        tables.MapGet("/{key}", ([Text(64)] string key, [Bounds(1, 100_000)] int? version, ReadReferenceTable h, CancellationToken ct) => h.HandleAsync(key, version, ct))
            .Requires(PlatformPermissions.ReferenceRead).WithName("ReadReferenceTable").WithSummary("一张规则表：现行版本（或 version 指定的历史版本）的内容与修订历史");
        tables.MapPut("/{key}", ([Text(64)] string key, ReferenceTableCorrection r, CorrectReferenceTable h, CancellationToken ct) => h.HandleAsync(key, r, ct))
            .Requires(PlatformPermissions.ReferenceEdit).WithName("CorrectReferenceTable")
            .WithSummary("修订一张规则表：整表保存为新版本并立即生效；须写明原因，baseVersion 须为现行版本");
        g.MapGet("/diagnoses", (string? q, [Bounds(1, 100)] int? take, SearchDiagnoses h, CancellationToken ct) => h.HandleAsync(q, take, ct)).Requires(PlatformPermissions.ReferenceRead)
            .WithTags("字典").WithName("SearchDiagnoses").WithSummary("按 ICD-10 编码、中文名或拼音首字母查诊断");
    }
}
